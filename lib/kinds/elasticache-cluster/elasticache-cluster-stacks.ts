/** The stacks of an ElastiCache replication group: its own, then one per Global Datastore secondary (in its region). */
import { awsFoundationStackId } from '../../naming/names';
import type { AwsStackSpec, ElasticacheClusterPlan } from '../../plan/plan-types';

export function elasticacheClusterStacks(cluster: ElasticacheClusterPlan): AwsStackSpec[] {
  const engine = `${cluster.engine === 'valkey' ? 'Valkey' : 'Redis OSS'} ${cluster.engineVersion}`;
  const primary: AwsStackSpec = {
    type: 'elasticache-cluster',
    plan: cluster,
    stackId: cluster.stackId,
    stackName: cluster.stackName,
    region: cluster.region,
    description: `ElastiCache ${engine} replication group ${cluster.replicationGroupId}${cluster.global ? ' (primary of a Global Datastore)' : ''}`,
    dependsOn: [awsFoundationStackId(cluster.region)],
    // AWS Backup does not cover ElastiCache: the membership says so, and the snapshots are the backup.
    backupMemberOf: cluster.name,
  };
  const secondaries = (cluster.global?.secondaries ?? []).map((secondary): AwsStackSpec => ({
    type: 'elasticache-cluster',
    plan: secondary,
    stackId: secondary.stackId,
    stackName: secondary.stackName,
    region: secondary.region,
    description: `ElastiCache secondary replication group ${secondary.replicationGroupId} of the Global Datastore of ${cluster.replicationGroupId}`,
    // The global group's id comes from the primary's stack (a cross-region reference): it must exist first.
    dependsOn: [cluster.stackId, awsFoundationStackId(secondary.region)],
    backupCoveredBySource: 'secondary-cluster',
  }));
  return [primary, ...secondaries];
}
