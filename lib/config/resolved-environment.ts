/** An environment after validation with every tier default merged in: nothing optional is left to guess. */
import type {
  AuroraClusterConfig,
  AwsSettings,
  CloudSqlInstanceConfig,
  DynamodbTableConfig,
  GcpSettings,
  RdsInstanceConfig,
  RemovalPolicyName,
  Tier,
} from '../../config/schema';

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
/** `pointInTimeRecovery` is the PITR switch (PostgreSQL, SQL Server); `binaryLog` MySQL's. */
export type ResolvedCloudSqlInstance = CloudSqlInstanceConfig &
  ResolvedCommon & {
    readonly retainedBackups: number;
    readonly transactionLogRetentionDays: number;
    readonly binaryLog: boolean;
    readonly iamAuthentication: boolean;
  };

export type ResolvedDatabase =
  | ResolvedRdsInstance
  | ResolvedAuroraCluster
  | ResolvedDynamodbTable
  | ResolvedCloudSqlInstance;

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
