/** Tier defaults for a Cloud SQL instance, in the engine's own terms. */
import type { CloudSqlInstanceConfig, TierDefaults } from '../../../config/schema';
import { CLOUD_SQL_ENGINE_TABLE, TRANSACTION_LOG_DAYS } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import type { ResolvedCloudSqlInstance, ResolvedCommon } from '../../config/resolved-environment';

export function resolveCloudSqlInstance(database: CloudSqlInstanceConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedCloudSqlInstance {
  const row = CLOUD_SQL_ENGINE_TABLE[database.engine];
  const usesBinaryLog = row.pointInTimeRecovery === 'binary-log';
  // The tier's point-in-time recovery becomes the engine's own switch; the other switch stays as written, so the
  // rules can refuse PITR on MySQL and binary logs elsewhere.
  const pointInTimeRecovery = database.pointInTimeRecovery ?? (!usesBinaryLog && defaults.pointInTimeRecovery);
  const binaryLog = database.binaryLog ?? (usesBinaryLog && defaults.pointInTimeRecovery);
  const restorable = usesBinaryLog ? binaryLog : pointInTimeRecovery;
  // Cloud SQL keeps more backups than days of logs, so point-in-time recovery needs at least 2.
  const retainedBackups = database.retainedBackups ?? Math.max(defaults.backupRetentionDays, restorable ? 2 : 1);
  const transactionLogRetentionDays =
    database.transactionLogRetentionDays ?? Math.max(1, Math.min(TRANSACTION_LOG_DAYS.standard, retainedBackups - 1));
  return {
    ...database,
    ...common,
    pointInTimeRecovery,
    binaryLog,
    retainedBackups,
    transactionLogRetentionDays,
    iamAuthentication: database.iamAuthentication ?? row.iamAuthenticationFlag !== undefined,
  };
}
