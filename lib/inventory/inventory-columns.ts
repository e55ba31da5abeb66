/** The columns kinds share in the inventory (lib/kinds/<kind>/<kind>-inventory.ts), formatted one way. */
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds/tables/rds-alarm-definitions';
import type { CloudSqlAlert } from '../../constructs/gcp/tables/cloud-sql-alert';
import type { RecoveryPlan } from '../plan/plan-types';
import type { DeclaredAccess } from '../provisioning/declared-access';
import type { InventoryEntry } from './inventory-entry';

/** What a kind's inventory adapter is given besides the database's plan. */
export interface InventoryContext {
  /** The tier's recovery time objective. */
  readonly rtoMinutes: number;
  /** The AWS Backup plans that protect the database, for people; `none` when none does. */
  readonly backupPlan: string;
}

/** An inventory row before the config's waivers are added. */
export type KindInventoryEntry = Omit<InventoryEntry, 'waivers'>;

const GIB = 1024 ** 3;

export const formatMinutes = (minutes: number) =>
  minutes % (24 * 60) === 0 ? `${minutes / (24 * 60)} d` : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;

export function recoveryColumns(recovery: Pick<RecoveryPlan, 'pointInTimeRecovery' | 'restorableWindowDays' | 'rpoMinutes'>, rtoMinutes: number) {
  return {
    pitrWindow: recovery.pointInTimeRecovery ? `${recovery.restorableWindowDays} d` : 'off',
    rpo: recovery.rpoMinutes === undefined ? 'no backups' : formatMinutes(recovery.rpoMinutes),
    rto: formatMinutes(rtoMinutes),
  };
}

type AlarmSummary = Pick<CloudWatchAlarmDefinition, 'id' | 'metricName' | 'comparison' | 'threshold' | 'severity'>;

export const cloudWatchAlarm = (alarm: AlarmSummary) => {
  const value = alarm.metricName === 'FreeStorageSpace' ? `${(alarm.threshold / GIB).toFixed(1)} GiB` : String(alarm.threshold);
  return `${alarm.id} (${alarm.metricName} ${alarm.comparison === 'GreaterThanThreshold' ? '>' : '<'} ${value}, ${alarm.severity})`;
};

export const cloudSqlAlert = (alert: CloudSqlAlert) =>
  `${alert.id} (${alert.metricType.replace('cloudsql.googleapis.com/database/', '')} ${alert.comparison === 'COMPARISON_GT' ? '>' : '<'} ${alert.threshold}, ${alert.severity})`;

export const settingList = (values: Readonly<Record<string, string>>) => Object.entries(values).map(([name, value]) => `${name}=${value}`);

/** The roles of a relational database, `name (access, auth)`; none for engines the provisioning engine does not support. */
export const roleColumns = (access: DeclaredAccess | undefined): Pick<KindInventoryEntry, 'roles'> =>
  access ? { roles: access.roles.map((role) => `${role.name} (${role.access}, ${role.auth})`) } : {};
