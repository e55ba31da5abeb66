import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import type { TerraformStack } from 'cdktf';

/**
 * The `random` provider (hashicorp/random 3.7.2, bound by @cdktf/provider-random 12.0.1) for generated database
 * passwords: the google provider generates none, and Terraform downloads this provider at `init` like the google one.
 */
export function addRandomProvider(stack: TerraformStack): RandomProvider {
  return new RandomProvider(stack, 'random');
}
