import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { TerraformStack } from 'cdktf';

/** cdktf.json's `context.googleProviderVersion`: the google provider version this project is built and tested with. */
export const GOOGLE_PROVIDER_VERSION_CONTEXT = 'googleProviderVersion';

/**
 * The stack's google provider. The version comes from the prebuilt @cdktf/provider-google package (listing it under
 * cdktf.json's `terraformProviders` would make synth demand locally generated bindings), so cdktf.json declares it
 * in its context and synth refuses a package that binds another version.
 */
export function addGoogleProvider(stack: TerraformStack, project: string, region: string): GoogleProvider {
  const provider = new GoogleProvider(stack, 'google', { project, region });
  const declared = stack.node.tryGetContext(GOOGLE_PROVIDER_VERSION_CONTEXT);
  const bound = provider.terraformGeneratorMetadata?.providerVersion;
  if (declared !== undefined && declared !== bound) {
    throw new Error(
      `cdktf.json declares google provider ${declared} (context.${GOOGLE_PROVIDER_VERSION_CONTEXT}) but ` +
        `@cdktf/provider-google binds ${bound}. Update cdktf.json or pin the @cdktf/provider-google release for ${declared}.`,
    );
  }
  return provider;
}
