/** How a Cloud SQL instance looks to the policy rules: its plan in the cloud-neutral terms of DatabasePosture. */
import type { DatabasePosture } from '../../policy/database-posture';
import { databaseSetting, postureIdentity, applicationRolesPosture, type PostureContext } from '../../policy/posture-context';
import type { CloudSqlInstancePlan } from '../../plan/plan-types';

export function cloudSqlInstancePosture(db: CloudSqlInstancePlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'cloudsql-instance',
    highAvailability: at(db.availabilityType === 'REGIONAL', 'highAvailability'),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.preventDestroy ? 'retain' : db.retainBackupsOnDelete ? 'snapshot' : 'destroy', 'removalPolicy'),
    // One automated backup a day: the retained backups cover as many days.
    backupRetentionDays: at(db.recovery.retainedBackups, 'retainedBackups'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(db.keyId, 'region'),
    tlsEnforced: at(db.sslMode === 'ENCRYPTED_ONLY' || db.sslMode === 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', 'sslMode'),
    // Private IP only on the configured network: no authorized networks exist to open.
    allowedNetworks: { value: [], path: ['gcp', 'privateNetwork'] },
    alarmCount: db.alerts.length,
    notificationTargets: { value: context.notificationEmails, path: ['gcp', 'notifications', 'emails'] },
    ...applicationRolesPosture(db.accessPlan.declared, context.index),
    placement: { region: db.region },
    copies: at(
      db.replicas.map((r) => ({
        name: r.instanceName,
        region: r.region,
        purpose: r.disasterRecovery ? ('disaster-recovery' as const) : ('read-scaling' as const),
      })),
      'replicas',
    ),
  };
}
