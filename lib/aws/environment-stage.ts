import { Stack, Stage } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { awsFoundationStackId } from '../naming/names';
import type { EnvironmentPlan } from '../plan/plan-types';
import { applyTags } from './apply-tags';
import { renderAwsStack, type RenderedStack } from './aws-stack-renderers';
import { acknowledgeReplicaBackups, applyBackupMembership, SECONDARY_CLUSTER_REASON } from './backup-membership';
import { FoundationStack } from './foundation-stack';
import { addStackLimitChecks } from './stack-limits';

/** Why a stack's databases are not backed up on their own, by the plan's `backupCoveredBySource`. */
const COVERED_BY_SOURCE_REASONS = { 'read-replica': undefined, 'secondary-cluster': SECONDARY_CLUSTER_REASON } as const;

/**
 * One Stage per environment, with the environment name as its id: `cdk deploy 'prod/*'` deploys exactly one
 * environment. It renders the plan's stacks (aws.stacks) in order, each with its dependencies: a foundation stack per
 * region (key, topic, network, backup vault and plans), the databases' stacks, a dashboard stack per region.
 */
export class EnvironmentStage extends Stage {
  /** Every stack, by its id in the plan. */
  readonly stacks: ReadonlyMap<string, Stack>;

  constructor(scope: Construct, plan: EnvironmentPlan) {
    super(scope, plan.environment);
    const aws = plan.aws;
    if (!aws) throw new Error(`Environment '${plan.environment}' has no AWS section; create a Stage only for AWS environments`);

    const rendered = new Map<string, RenderedStack>();
    const foundationOf = (region: string) => rendered.get(awsFoundationStackId(region))!.stack as FoundationStack;
    for (const spec of aws.stacks) {
      const stack = renderAwsStack(spec, {
        scope: this,
        props: {
          stackName: spec.stackName,
          description: spec.description,
          env: { account: aws.account, region: spec.region },
          terminationProtection: plan.tier === 'production',
        },
        regionResources: (region) => ({ network: foundationOf(region).network, logKey: foundationOf(region).foundation.key }),
      });
      for (const id of spec.dependsOn) stack.stack.addStackDependency(rendered.get(id)!.stack);
      rendered.set(spec.stackId, stack);
    }
    this.stacks = new Map([...rendered].map(([id, { stack }]) => [id, stack]));

    // Database stacks carry the tag their region's backup plan selects (see lib/plan/backup-plan.ts).
    for (const spec of aws.stacks) {
      const { stack, replicas = [] } = rendered.get(spec.stackId)!;
      const member = spec.backupMemberOf === undefined ? undefined : aws.backupMembership.find((m) => m.database === spec.backupMemberOf);
      if (member) applyBackupMembership(stack, member, replicas);
      if (spec.backupCoveredBySource) acknowledgeReplicaBackups(stack, COVERED_BY_SOURCE_REASONS[spec.backupCoveredBySource]);
    }

    applyTags(this, plan.tags);
    addStackLimitChecks(this);
  }

  /** The stacks of one class, in plan order: `stage.stacksOf(RdsInstanceStack)`. */
  stacksOf<T extends Stack>(type: abstract new (...args: never[]) => T): T[] {
    return [...this.stacks.values()].filter((stack): stack is T => stack instanceof type);
  }

  /** The foundation stack of each region. */
  get foundations(): ReadonlyMap<string, FoundationStack> {
    return new Map(this.stacksOf(FoundationStack).map((stack) => [stack.region, stack]));
  }
}
