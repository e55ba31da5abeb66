/** Tier defaults for a Cloud SQL instance, in the engine's own terms; the machine tiers parsed once. */
import type { CloudSqlInstanceConfig, TierDefaults } from '../../../config/schema';
import { defaultIamAuthentication, defaultTransactionLogRetentionDays } from '../../../constructs/gcp/tables/cloud-sql-defaults';
import { CLOUD_SQL_ENGINE_TABLE } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import { parseCloudSqlTier } from '../../../constructs/gcp/tables/cloud-sql-tiers';
import type { ResolvedCloudSqlInstance, ResolvedCommon } from '../../config/resolved-environment';

export function resolveCloudSqlInstance(database: CloudSqlInstanceConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedCloudSqlInstance {
  const row = CLOUD_SQL_ENGINE_TABLE[database.engine];
  const usesBinaryLog = row.pointInTimeRecovery === 'binary-log';
  // The tier's point-in-time recovery becomes the engine's own switch; the other switch stays as written, so the
  // rules can refuse PITR on MySQL and binary logs elsewhere.
  const pointInTimeRecovery = database.pointInTimeRecovery ?? (!usesBinaryLog && defaults.pointInTimeRecovery);
  const binaryLog = database.binaryLog ?? (usesBinaryLog && defaults.pointInTimeRecovery);
  const restorable = usesBinaryLog ? binaryLog : pointInTimeRecovery;
  // Cloud SQL keeps more backups than days of logs, so point-in-time recovery needs at least 2. The tier's backup
  // retention is in days; Cloud SQL takes one automated backup a day, so as many backups cover as many days.
  const retainedBackups = database.retainedBackups ?? Math.max(defaults.backupRetentionDays, restorable ? 2 : 1);
  const machineTier = parseCloudSqlTier(database.tier);
  return {
    ...database,
    ...common,
    machineTier,
    pointInTimeRecovery,
    binaryLog,
    retainedBackups,
    transactionLogRetentionDays: database.transactionLogRetentionDays ?? defaultTransactionLogRetentionDays(retainedBackups),
    iamAuthentication: database.iamAuthentication ?? defaultIamAuthentication(row),
    slowQueryThresholdMs: defaults.slowQueryThresholdMs,
    replicas: database.replicas.map((replica) => ({
      ...replica,
      machineTier: replica.tier === undefined ? machineTier : parseCloudSqlTier(replica.tier),
    })),
  };
}
