/** Where each GCP stack keeps its Terraform state: one state per stack, locally or in a GCS bucket. */
import { GcsBackend, LocalBackend, TerraformStack } from 'cdktf';
import type { GcpPlan } from '../plan/plan-types';

/**
 * Terraform runs in `cdktf.out/stacks/<stack>/`, so this lands beside cdktf.json (where cdktf's own default puts
 * it) without writing the machine's absolute path into the synthesized JSON. Cross-stack references read the same
 * relative path from a sibling stack directory, so they find it too.
 */
export const localStatePath = (stackName: string) => `../../../terraform.${stackName}.tfstate`;

export function addStateBackend(stack: TerraformStack, stackName: string, backend: GcpPlan['stateBackend']): void {
  switch (backend.type) {
    case 'gcs':
      new GcsBackend(stack, { bucket: backend.bucket, prefix: `${backend.prefix}/${stackName}` });
      return;
    case 'local':
      new LocalBackend(stack, { path: localStatePath(stackName) });
      return;
  }
}
