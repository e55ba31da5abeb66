/**
 * What the RDS constructs (RdsDatabase, RdsReadReplica, AuroraCluster) use for a prop left out, in one table so each
 * default is written once. Every prop's `@default` states the same value (test/package/documented-defaults.test.ts
 * compares them). The config's defaults are the tiers' (config/schema/tiers.ts); where the config has no tier value
 * (the windows, the password rotation), the plan takes the same value from here.
 */
import { DEFAULT_BACKUP_WINDOW, DEFAULT_MAINTENANCE_WINDOW } from './rds-windows';

export const RDS_DEFAULTS = {
  /** The gp3 minimum of every engine (rds-storage-limits.ts). */
  allocatedStorageGiB: 20,
  /** Automated backups, and so the point-in-time recovery window, of an instance or a cluster. */
  backupRetentionDays: 7,
  multiAz: true,
  preferredBackupWindow: DEFAULT_BACKUP_WINDOW,
  preferredMaintenanceWindow: DEFAULT_MAINTENANCE_WINDOW,
  masterUsername: 'dbadmin',
  /** Rotation period of a `secrets-manager` master password (`rds-managed` passwords rotate every 7 days, by RDS). */
  passwordRotationDays: 30,
  proxy: false,
  deletionProtection: true,
  /** `log_min_duration_statement` and the engines' equivalents in the tuned parameters. */
  slowQueryThresholdMs: 1000,
  /** The free tier of Performance Insights retention. */
  performanceInsightsRetentionDays: 7,
  /** Enhanced Monitoring interval. */
  monitoringIntervalSeconds: 60,
  logRetentionDays: 30,
  /** Audit logging through parameters (pgaudit, Oracle audit_trail; Aurora's cluster group), in rdsParameters and auroraParameters. */
  audit: true,
} as const;

/**
 * Whether Performance Insights (Database Insights) is on when the prop is left out: off on micro and small classes.
 * "Amazon RDS DB engine, Region, and instance class support for Database Insights" (RDS user guide,
 * USER_DatabaseInsights.Engines) lists db.t2/t3/t4g micro and small as unsupported for MariaDB and MySQL; we leave it
 * off on those sizes for every engine, so a class change never turns it on or off by engine.
 */
export const performanceInsightsByDefault = (instanceClass: string) => !/\.(micro|small)$/.test(instanceClass);

/** The backup and maintenance windows of an instance or a cluster, each the default when not given. */
export function rdsWindows(given: { readonly preferredBackupWindow?: string; readonly preferredMaintenanceWindow?: string }) {
  return {
    preferredBackupWindow: given.preferredBackupWindow ?? RDS_DEFAULTS.preferredBackupWindow,
    preferredMaintenanceWindow: given.preferredMaintenanceWindow ?? RDS_DEFAULTS.preferredMaintenanceWindow,
  };
}
