// placeholder until the engine branch merges
/**
 * The AWS custom resource's onEvent handler (CDK Provider framework). The engine branch replaces this file; this
 * placeholder only lets the bundle be built (constructs/aws/database-access/provisioning-handler-bundle.ts) and
 * refuses to run, so a deployment made with it fails instead of pretending to provision.
 */
export async function handler(event: { readonly RequestType: string }): Promise<never> {
  throw new Error(`the provisioning handler is a placeholder (request ${event.RequestType}): build from a release that includes the engine`);
}
