/** Reads what verify needs to know about one live Aurora cluster: the cluster, its key, its planned instances, its global cluster. */
import { DBCluster, DBInstance, GlobalCluster, paginateDescribeDBClusters, paginateDescribeGlobalClusters } from '@aws-sdk/client-rds';
import { awsCollect } from '../aws/aws-call';
import type { AwsClients } from '../aws/aws-clients';
import type { KeyResolver } from '../aws/kms-keys';
import { describeDbInstance } from './rds-instance-live';

export interface AuroraClusterLive {
  readonly cluster: DBCluster;
  /** The key ARN behind `cluster.KmsKeyId`; undefined when not encrypted or KMS does not know the key. */
  readonly keyArn?: string;
  /** The planned instances that exist, by identifier (whichever cluster they are in). */
  readonly instances: ReadonlyMap<string, DBInstance>;
}

export async function describeDbCluster(clients: AwsClients, region: string, identifier: string): Promise<DBCluster | undefined> {
  const clusters = await awsCollect(
    { action: 'rds:DescribeDBClusters', region, resource: identifier, endpoint: clients.endpointUrl },
    () => paginateDescribeDBClusters({ client: clients.rds(region) }, { DBClusterIdentifier: identifier }),
    (page) => page.DBClusters,
    true,
  );
  return clusters.find((c) => c.DBClusterIdentifier === identifier);
}

/** Undefined when the global cluster does not exist. DescribeGlobalClusters answers the same in every region. */
export async function describeGlobalCluster(clients: AwsClients, region: string, identifier: string): Promise<GlobalCluster | undefined> {
  const globals = await awsCollect(
    { action: 'rds:DescribeGlobalClusters', region, resource: identifier, endpoint: clients.endpointUrl },
    () => paginateDescribeGlobalClusters({ client: clients.rds(region) }, { GlobalClusterIdentifier: identifier }),
    (page) => page.GlobalClusters,
    true,
  );
  return globals.find((g) => g.GlobalClusterIdentifier === identifier);
}

export async function readAuroraCluster(
  clients: AwsClients,
  keys: KeyResolver,
  region: string,
  identifier: string,
  instanceIdentifiers: readonly string[],
): Promise<AuroraClusterLive | undefined> {
  const cluster = await describeDbCluster(clients, region, identifier);
  if (!cluster) return undefined;
  const [keyArn, instances] = await Promise.all([
    cluster.StorageEncrypted && cluster.KmsKeyId ? keys.keyArn(region, cluster.KmsKeyId) : Promise.resolve(undefined),
    Promise.all(instanceIdentifiers.map((id) => describeDbInstance(clients, region, id))),
  ]);
  return { cluster, keyArn, instances: new Map(instances.flatMap((i) => (i?.DBInstanceIdentifier ? [[i.DBInstanceIdentifier, i] as const] : []))) };
}
