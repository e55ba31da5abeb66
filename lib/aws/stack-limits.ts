/**
 * CloudFormation refuses a stack with more than 500 resources or a template over 1 MB. We stop at 80% of either, at
 * synth time and with the stack's name, so a growing fleet hears about it long before a deploy fails.
 * Per-database stacks stay far below (≈ 20–45 resources, ≤ 60 KB); stacks that grow with the fleet (the region's
 * dashboards) are split in the plan. These checks are the backstop for anything else.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import type * as cxapi from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';

export const CLOUDFORMATION_MAX_RESOURCES = 500;
export const CLOUDFORMATION_MAX_TEMPLATE_BYTES = 1_000_000;
/** The share of a CloudFormation limit a stack may use. */
export const STACK_LIMIT_SHARE = 0.8;

const FIX =
  'Fix: split it — give the database fewer replicas in its own region (cross-region replicas get stacks of their own) or fewer alarms, or open an issue if a stack of ours grows with the fleet';

/** Adds a validation to every stack under `scope`: synth fails when one declares more than 80% of 500 resources. */
export function addStackLimitChecks(scope: IConstruct): void {
  for (const stack of scope.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    stack.node.addValidation({
      validate: () => {
        const resources = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c)).length;
        const max = Math.floor(CLOUDFORMATION_MAX_RESOURCES * STACK_LIMIT_SHARE);
        return resources > max
          ? [
              `Stack ${stack.stackName} declares ${resources} resources, more than ${max} (80% of CloudFormation's ${CLOUDFORMATION_MAX_RESOURCES} per stack). ${FIX}.`,
            ]
          : [];
      },
    });
  }
}

/** Templates of `assembly` (nested stage assemblies included) above 80% of CloudFormation's 1 MB template limit. */
export function templateSizeProblems(assembly: cxapi.CloudAssembly): string[] {
  const max = Math.floor(CLOUDFORMATION_MAX_TEMPLATE_BYTES * STACK_LIMIT_SHARE);
  return assembly.stacksRecursively.flatMap((stack) => {
    const bytes = fs.statSync(path.join(stack.assembly.directory, stack.templateFile)).size;
    return bytes > max
      ? [
          `Stack ${stack.stackName} (${stack.hierarchicalId}) has a ${bytes.toLocaleString('en')}-byte template, more than ${max.toLocaleString('en')} (80% of CloudFormation's 1 MB). ${FIX}.`,
        ]
      : [];
  });
}

/** Throws when a synthesized template is too close to CloudFormation's size limit (call after `app.synth()`). */
export function assertTemplateSizes(assembly: cxapi.CloudAssembly): void {
  const problems = templateSizeProblems(assembly);
  if (problems.length > 0) throw new Error(`Stack limits:\n  - ${problems.join('\n  - ')}`);
}
