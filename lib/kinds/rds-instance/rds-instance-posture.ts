/** How an RDS instance looks to the policy rules: its plan in the cloud-neutral terms of DatabasePosture. */
import { rdsEngineRow } from '../../../constructs/aws/rds/tables/rds-engine-table';
import type { DatabasePosture } from '../../policy/database-posture';
import {
  awsAlarmTargets,
  awsBackupPosture,
  databaseSetting,
  postureIdentity,
  applicationRolesPosture,
  type PostureContext,
} from '../../policy/posture-context';
import type { RdsInstancePlan } from '../../plan/plan-types';

export function rdsInstancePosture(db: RdsInstancePlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  const tls = rdsEngineRow(db.engine)?.tlsParameters ?? {};
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'rds-instance',
    highAvailability: at(db.multiAz, 'highAvailability'),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.recovery.backupRetentionDays, 'backupRetentionDays'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(db.keyAliasArn, 'region'),
    tlsEnforced: at(
      Object.entries(tls).every(([name, value]) => db.parameters[name] === value),
      'parameters',
    ),
    allowedNetworks: at(db.allowedCidrs, 'allowedCidrs'),
    alarmCount: db.alarms.length,
    notificationTargets: awsAlarmTargets(db.alarmTopicArn, context),
    awsBackup: awsBackupPosture(context.backupMembership),
    ...applicationRolesPosture(db.accessPlan?.declared, context.index),
    placement: { region: db.region },
    copies: at(
      db.replicas.map((r) => ({
        name: r.identifier,
        region: r.region,
        zone: r.availabilityZone,
        purpose: r.crossRegion ? ('disaster-recovery' as const) : ('read-scaling' as const),
      })),
      'replicas',
    ),
  };
}
