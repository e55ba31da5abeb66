/**
 * The sample's Aurora global database and its live resources in moto, created through the SDK as the stacks would:
 * the global cluster, the primary cluster with its writer and reader in eu-west-1, the secondary cluster with its
 * reader in eu-central-1, each encrypted with its region's key, and the cluster and instance alarms.
 */
import {
  CreateDBClusterCommand,
  CreateDBClusterCommandInput,
  CreateDBClusterParameterGroupCommand,
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  CreateGlobalClusterCommand,
} from '@aws-sdk/client-rds';
import type { AuroraClusterCommonPlan, AuroraClusterPlan } from '../../../lib/plan/plan-types';
import { plannedInstanceClass } from '../../../lib/operations/verify/aurora-cluster-checks';
import { Network, rdsClient, seedAlarms, seedRegionKey, stackTags } from './sample-account';

export const SAMPLE_AURORA_CLUSTER = {
  kind: 'aurora-cluster',
  name: 'payments',
  engine: 'aurora-postgresql',
  version: '16.9',
  instanceClass: 'db.r7g.large',
  readers: 1,
  databaseName: 'payments',
  allowedCidrs: ['10.30.0.0/16'],
  secondaryRegions: ['eu-central-1'],
  // Production applications connect as declared roles (policy least-privilege).
  roles: [{ name: 'payments_app', access: 'read-write', auth: 'iam' }],
};

export interface AuroraSeedOptions {
  /** Changes to the primary's CreateDBCluster input, to start from a drifted cluster. */
  readonly cluster?: Partial<CreateDBClusterCommandInput>;
  /** Instances not to create. */
  readonly skipInstances?: readonly string[];
  /** Create no global cluster and no secondaries. */
  readonly withoutGlobal?: boolean;
  /** Create the secondaries as standalone clusters, as a detached (RemoveFromGlobalCluster) secondary is. */
  readonly detachedSecondaries?: boolean;
}

export interface AuroraSeeded {
  readonly keyArn: string;
  readonly subnetGroup: string;
  readonly clusterParameterGroup: string;
}

export async function seedAuroraCluster(endpoint: string, plan: AuroraClusterPlan, network: Network, options: AuroraSeedOptions = {}): Promise<AuroraSeeded> {
  const rds = rdsClient(endpoint, plan.region);
  const subnetGroup = `${plan.clusterIdentifier}-subnets`;
  const clusterParameterGroup = `${plan.clusterIdentifier}-cluster-params`;
  await rds.send(
    new CreateDBSubnetGroupCommand({ DBSubnetGroupName: subnetGroup, DBSubnetGroupDescription: plan.clusterIdentifier, SubnetIds: network.subnetIds }),
  );
  await rds.send(
    new CreateDBClusterParameterGroupCommand({
      DBClusterParameterGroupName: clusterParameterGroup,
      DBParameterGroupFamily: plan.parameterGroupFamily,
      Description: plan.clusterIdentifier,
    }),
  );
  const global = options.withoutGlobal ? undefined : plan.global;
  if (global) {
    await rds.send(
      new CreateGlobalClusterCommand({
        GlobalClusterIdentifier: global.globalClusterIdentifier,
        Engine: plan.engine,
        EngineVersion: plan.engineVersion,
        StorageEncrypted: true,
      }),
    );
  }
  const keyArn = await seedCluster(endpoint, plan, options, {
    DBSubnetGroupName: subnetGroup,
    DBClusterParameterGroupName: clusterParameterGroup,
    MasterUsername: 'dbadmin',
    ManageMasterUserPassword: true,
    DatabaseName: plan.databaseName,
    GlobalClusterIdentifier: global?.globalClusterIdentifier,
    Tags: stackTags(plan.tags, plan.region),
    ...options.cluster,
  });
  for (const secondary of global?.secondaries ?? []) {
    await seedCluster(
      endpoint,
      secondary,
      options,
      options.detachedSecondaries
        ? { MasterUsername: 'dbadmin', ManageMasterUserPassword: true }
        : { GlobalClusterIdentifier: secondary.globalClusterIdentifier },
    );
  }
  return { keyArn, subnetGroup, clusterParameterGroup };
}

async function seedCluster(
  endpoint: string,
  cluster: AuroraClusterCommonPlan,
  options: AuroraSeedOptions,
  input: Partial<CreateDBClusterCommandInput>,
): Promise<string> {
  const keyArn = await seedRegionKey(endpoint, cluster.region, cluster.keyAlias);
  const rds = rdsClient(endpoint, cluster.region);
  const { capacity } = cluster;
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: cluster.clusterIdentifier,
      Engine: cluster.engine,
      EngineVersion: cluster.engineVersion,
      Port: cluster.port,
      StorageEncrypted: true,
      KmsKeyId: keyArn,
      BackupRetentionPeriod: cluster.backupRetentionDays,
      DeletionProtection: cluster.deletionProtection,
      ...(capacity.mode === 'serverless-v2'
        ? { ServerlessV2ScalingConfiguration: { MinCapacity: capacity.minCapacity, MaxCapacity: capacity.maxCapacity } }
        : {}),
      Tags: Object.entries(cluster.tags).map(([Key, Value]) => ({ Key, Value })),
      ...input,
    }),
  );
  for (const instance of cluster.instances) {
    if (options.skipInstances?.includes(instance.identifier)) continue;
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: instance.identifier,
        DBClusterIdentifier: cluster.clusterIdentifier,
        Engine: cluster.engine,
        DBInstanceClass: plannedInstanceClass(capacity),
        PromotionTier: instance.promotionTier,
        AvailabilityZone: instance.availabilityZone,
        PubliclyAccessible: false,
      }),
    );
  }
  await seedAlarms(endpoint, cluster.region, [...cluster.clusterAlarms, ...cluster.instances.flatMap((i) => i.alarms)], cluster.alarmTopicArn);
  return keyArn;
}
