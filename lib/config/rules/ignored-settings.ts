/**
 * Settings that would have no effect under the options chosen next to them are refused (README: "a setting that
 * does nothing is an error"), so nobody believes in a rotation period, a backup location or a secondary size that
 * is never applied. Each row names the setting, when it is ignored and why; the setting counts as written when the
 * parsed config (before tier defaults) has it. Ignored settings checked elsewhere: diskAutoresizeLimitGb without
 * diskAutoresize and auditBucket off SQL Server (cloudsql-instance-rules.ts), serverlessV2.autoPauseMinutes above 0
 * ACUs (aurora-cluster-checks.ts), pointInTimeRecoveryDays with PITR off (DynamoDB checks).
 */
import type { DatabaseConfig, ParsedEnvironment } from '../../../config/schema';
import { CLOUD_SQL_ENGINE_TABLE } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import type { ProblemDraft } from '../problem-draft';
import type { ResolvedDatabase, ResolvedEnvironment } from '../resolved-environment';

type Kind = ResolvedDatabase['kind'];
type Of<K extends Kind> = Extract<ResolvedDatabase, { kind: K }>;

interface IgnoredSettingRow<K extends Kind> {
  readonly kind: K;
  readonly field: string;
  /** Why the setting does nothing for this database, or undefined when it takes effect. */
  readonly ignoredBecause: (db: Of<K>) => string | undefined;
  readonly fix: string;
}

const row = <K extends Kind>(r: IgnoredSettingRow<K>) => r as unknown as IgnoredSettingRow<Kind>;

const rdsManagedRotation = (db: { credentials: string }) =>
  db.credentials === 'rds-managed' ? "credentials 'rds-managed': RDS rotates the managed password every 7 days on its own" : undefined;
const ROTATION_FIX = "remove passwordRotationDays, or set credentials: 'secrets-manager' to rotate on your own period";

const noCloudSqlBackups = (db: Of<'cloudsql-instance'>) => (db.backups ? undefined : 'backups: false (no automated backups are taken)');
const NO_BACKUPS_FIX = (field: string) => `remove ${field}, or turn backups on`;

export const IGNORED_SETTINGS: ReadonlyArray<IgnoredSettingRow<Kind>> = [
  // Secrets Manager rotation applies only to the generated secret (constructs/aws/rds/rds-database.ts, aurora-cluster.ts).
  row({ kind: 'rds-instance', field: 'passwordRotationDays', ignoredBecause: rdsManagedRotation, fix: ROTATION_FIX }),
  row({ kind: 'aurora-cluster', field: 'passwordRotationDays', ignoredBecause: rdsManagedRotation, fix: ROTATION_FIX }),
  row({
    kind: 'aurora-cluster',
    field: 'secondaryReaders',
    ignoredBecause: (db) => (db.secondaryRegions.length === 0 ? 'no secondaryRegions (there is no secondary cluster to size)' : undefined),
    fix: 'remove secondaryReaders, or add secondaryRegions',
  }),
  row({
    kind: 'rds-instance',
    field: 'backupReplicationRegion',
    ignoredBecause: (db) => (db.backupRetentionDays === 0 ? 'backupRetentionDays 0 (there are no automated backups to replicate)' : undefined),
    fix: 'set backupRetentionDays from 1 to 35, or remove backupReplicationRegion',
  }),
  // Cloud SQL's backup_configuration settings apply only with backups enabled.
  ...(['backupLocation', 'backupStartTime', 'retainedBackups'] as const).map((field) =>
    row({ kind: 'cloudsql-instance', field, ignoredBecause: noCloudSqlBackups, fix: NO_BACKUPS_FIX(field) }),
  ),
  row({
    kind: 'cloudsql-instance',
    field: 'transactionLogRetentionDays',
    ignoredBecause: (db) => {
      if (!db.backups) return noCloudSqlBackups(db);
      const binaryLog = CLOUD_SQL_ENGINE_TABLE[db.engine].pointInTimeRecovery === 'binary-log';
      if (binaryLog && !db.binaryLog) return 'binaryLog off (no binary logs are kept)';
      if (!binaryLog && !db.pointInTimeRecovery) return 'pointInTimeRecovery off (no transaction logs are kept)';
      return undefined;
    },
    fix: 'remove transactionLogRetentionDays, or turn point-in-time recovery on',
  }),
  // SQL Server uploads audit files to the bucket only with auditLogging on (constructs/gcp/cloud-sql-instance.ts).
  row({
    kind: 'cloudsql-instance',
    field: 'auditBucket',
    ignoredBecause: (db) =>
      CLOUD_SQL_ENGINE_TABLE[db.engine].audit === 'bucket' && !db.auditLogging ? 'auditLogging off (no audit files are written)' : undefined,
    fix: 'remove auditBucket, or set auditLogging: true',
  }),
  // A cache has no point-in-time recovery: its newest RDB snapshot is its only restore point (memorystore-instance-posture.ts).
  row({
    kind: 'memorystore-instance',
    field: 'pointInTimeRecovery',
    ignoredBecause: () => 'Memorystore for Redis, which has no point-in-time recovery (its RDB snapshots, every snapshotPeriod, are the restore points)',
    fix: 'remove pointInTimeRecovery; set snapshotPeriod to choose how much a restore may lose',
  }),
];

/** Problems for settings written in `parsed` that the resolved database would ignore; both lists in the same order. */
export function ignoredSettingProblems(parsed: ParsedEnvironment, resolved: ResolvedEnvironment): ProblemDraft[] {
  return resolved.databases.flatMap((db, index) => {
    const written = parsed.databases[index] as DatabaseConfig & Record<string, unknown>;
    return IGNORED_SETTINGS.filter((r) => r.kind === db.kind && written[r.field] !== undefined).flatMap((r): ProblemDraft[] => {
      const because = r.ignoredBecause(db);
      return because
        ? [{ database: db.name, path: ['databases', index, r.field], value: written[r.field], message: `has no effect with ${because}`, fix: r.fix }]
        : [];
    });
  });
}
