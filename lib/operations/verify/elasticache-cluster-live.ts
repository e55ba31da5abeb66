/**
 * Reads an ElastiCache replication group in its region: DescribeReplicationGroups (status, engine, node type,
 * encryption, AUTH, Multi-AZ, failover, snapshot retention, members) and DescribeCacheClusters of its first member
 * (the engine version, which the replication group does not report).
 */
import { type CacheCluster, DescribeCacheClustersCommand, DescribeReplicationGroupsCommand, type ReplicationGroup } from '@aws-sdk/client-elasticache';
import { awsCall } from '../aws/aws-call';
import type { AwsClients } from '../aws/aws-clients';
import type { KeyResolver } from '../aws/kms-keys';

export interface ElasticacheGroupLive {
  readonly group: ReplicationGroup;
  /** The first member cluster; undefined when it has none (yet). */
  readonly member?: CacheCluster;
  /** The key ARN behind the group's KmsKeyId; undefined without one or when KMS does not know it. */
  readonly keyArn?: string;
}

export async function readElasticacheGroup(clients: AwsClients, keys: KeyResolver, region: string, groupId: string): Promise<ElasticacheGroupLive | undefined> {
  const context = { region, resource: groupId, endpoint: clients.endpointUrl };
  const group = await awsCall(
    { action: 'elasticache:DescribeReplicationGroups', ...context },
    async () => (await clients.elasticache(region).send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: groupId }))).ReplicationGroups?.[0],
    () => undefined,
  );
  if (!group) return undefined;
  const first = group.MemberClusters?.[0];
  const [member, keyArn] = await Promise.all([
    first
      ? awsCall(
          { action: 'elasticache:DescribeCacheClusters', ...context, resource: first },
          async () => (await clients.elasticache(region).send(new DescribeCacheClustersCommand({ CacheClusterId: first }))).CacheClusters?.[0],
          () => undefined,
        )
      : Promise.resolve(undefined),
    group.KmsKeyId ? keys.keyArn(region, group.KmsKeyId) : Promise.resolve(undefined),
  ]);
  return { group, member, keyArn };
}
