/** The stacks of an RDS instance: its own (with same-region replicas), then one per cross-region replica. */
import { awsFoundationStackId } from '../../naming/names';
import type { AwsStackSpec, RdsInstancePlan } from '../../plan/plan-types';

export function rdsInstanceStacks(instance: RdsInstancePlan): AwsStackSpec[] {
  const primary: AwsStackSpec = {
    type: 'rds-instance',
    plan: instance,
    stackId: instance.stackId,
    stackName: instance.stackName,
    region: instance.region,
    description: `RDS ${instance.engine} ${instance.engineVersion} instance ${instance.identifier}`,
    // The key alias and topic are named, not referenced: order the deployment explicitly.
    dependsOn: [awsFoundationStackId(instance.region)],
    backupMemberOf: instance.name,
  };
  const crossRegionReplicas = instance.replicas.flatMap((replica): AwsStackSpec[] =>
    replica.stack
      ? [
          {
            type: 'rds-replica',
            plan: replica,
            allocatedStorageGiB: instance.allocatedStorageGiB,
            ...replica.stack,
            description: `Cross-region read replica ${replica.identifier} of ${instance.identifier}`,
            // The source is named by ARN and the key by alias: both must exist before the replica.
            dependsOn: [instance.stackId, awsFoundationStackId(replica.region)],
            backupCoveredBySource: 'read-replica',
          },
        ]
      : [],
  );
  return [primary, ...crossRegionReplicas];
}
