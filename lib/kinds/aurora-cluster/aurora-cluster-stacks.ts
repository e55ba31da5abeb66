/** The stacks of an Aurora cluster: its own, then one per secondary cluster of its global database. */
import { awsFoundationStackId } from '../../naming/names';
import type { AuroraClusterPlan, AwsStackSpec } from '../../plan/plan-types';

export function auroraClusterStacks(cluster: AuroraClusterPlan): AwsStackSpec[] {
  const primary: AwsStackSpec = {
    type: 'aurora-cluster',
    plan: cluster,
    stackId: cluster.stackId,
    stackName: cluster.stackName,
    region: cluster.region,
    description: `Aurora ${cluster.engine} ${cluster.engineVersion} cluster ${cluster.clusterIdentifier}${cluster.global ? ' (primary of a global database)' : ''}`,
    dependsOn: [awsFoundationStackId(cluster.region)],
    backupMemberOf: cluster.name,
  };
  const secondaries = (cluster.global?.secondaries ?? []).map((secondary): AwsStackSpec => ({
    type: 'aurora-cluster',
    plan: secondary,
    stackId: secondary.stackId,
    stackName: secondary.stackName,
    region: secondary.region,
    description: `Aurora secondary cluster ${secondary.clusterIdentifier} of global database ${secondary.globalClusterIdentifier}`,
    // The global cluster is named, not referenced, and the key by alias: both must exist first.
    dependsOn: [cluster.stackId, awsFoundationStackId(secondary.region)],
    backupCoveredBySource: 'secondary-cluster',
  }));
  return [primary, ...secondaries];
}
