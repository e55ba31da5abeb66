/** An environment after validation with every tier default merged in: nothing optional is left to guess. */
import type {
  AuroraClusterConfig,
  AwsSettings,
  CloudSqlInstanceConfig,
  CloudSqlReplicaConfig,
  DynamodbTableConfig,
  ElasticacheClusterConfig,
  GcpSettings,
  MemorystoreInstanceConfig,
  RdsInstanceConfig,
  RemovalPolicyName,
  Tier,
} from '../../config/schema';
import type { CloudSqlMachineTier, InvalidCloudSqlTier } from '../../constructs/gcp/tables/cloud-sql-tiers';
import type { MemorystoreMaintenanceWindow } from '../../constructs/gcp/tables/memorystore-checks';
import type { MemorystoreSnapshotChoice } from '../../constructs/gcp/tables/memorystore-table';

export interface ResolvedCommon {
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly highAvailability: boolean;
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicyName;
  readonly pointInTimeRecovery: boolean;
}

export type ResolvedRdsInstance = RdsInstanceConfig & ResolvedCommon & { readonly backupRetentionDays: number };
export type ResolvedAuroraCluster = AuroraClusterConfig &
  ResolvedCommon & { readonly backupRetentionDays: number; readonly readers: number; readonly secondaryReaders: number };
/** pointInTimeRecoveryDays: the tier's backup retention when PITR is on and the table sets none. */
export type ResolvedDynamodbTable = DynamodbTableConfig & ResolvedCommon & { readonly pointInTimeRecoveryDays?: number };
/** A replica's machine tier, parsed once: its own, else its primary's. */
export type ResolvedCloudSqlReplica = CloudSqlReplicaConfig & { readonly machineTier: CloudSqlMachineTier | InvalidCloudSqlTier };
/**
 * `pointInTimeRecovery` is the PITR switch (PostgreSQL, SQL Server); `binaryLog` MySQL's. `tier` stays the config's
 * text; `machineTier` is it parsed (the environment's tier is `ResolvedEnvironment.tier`).
 */
export type ResolvedCloudSqlInstance = Omit<CloudSqlInstanceConfig, 'replicas'> &
  ResolvedCommon & {
    readonly machineTier: CloudSqlMachineTier | InvalidCloudSqlTier;
    /** A count of automated backups (one a day), not days. */
    readonly retainedBackups: number;
    readonly transactionLogRetentionDays: number;
    readonly binaryLog: boolean;
    readonly iamAuthentication: boolean;
    /** The environment tier's slow-query threshold, which the flag tuning logs from. */
    readonly slowQueryThresholdMs: number;
    readonly replicas: readonly ResolvedCloudSqlReplica[];
  };

/** Version, replicas and snapshot retention resolved; no PITR and no deletion protection exist (the node type's default is by tier, in the plan). */
export type ResolvedElasticacheCluster = Omit<ElasticacheClusterConfig, 'pointInTimeRecovery' | 'deletionProtection'> &
  ResolvedCommon & {
    readonly version: string;
    readonly replicasPerShard: number;
    readonly snapshotRetentionDays: number;
  };

/** The snapshot period, maintenance window and client alert with their defaults (removalPolicy never 'snapshot' by default). */
export type ResolvedMemorystoreInstance = MemorystoreInstanceConfig &
  ResolvedCommon & {
    readonly snapshotPeriod: MemorystoreSnapshotChoice;
    readonly maintenanceWindow: MemorystoreMaintenanceWindow;
    readonly connectedClientsAlert: number;
  };

export type ResolvedDatabase =
  ResolvedRdsInstance | ResolvedAuroraCluster | ResolvedDynamodbTable | ResolvedCloudSqlInstance | ResolvedElasticacheCluster | ResolvedMemorystoreInstance;

export interface ResolvedEnvironment {
  readonly name: string;
  readonly tier: Tier;
  readonly description?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly aws?: AwsSettings;
  readonly gcp?: GcpSettings;
  readonly databases: readonly ResolvedDatabase[];
  readonly approvedReplacements: ReadonlyArray<{ readonly resource: string; readonly change: string; readonly reason: string }>;
}
