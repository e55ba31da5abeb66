/** How an Aurora cluster looks to the policy rules: its plan in the cloud-neutral terms of DatabasePosture. */
import { AURORA_ENGINE_TABLE, type AuroraEngine } from '../../../constructs/aws/aurora/tables/aurora-engine-table';
import type { DatabasePosture } from '../../policy/database-posture';
import {
  awsAlarmTargets,
  awsBackupPosture,
  databaseSetting,
  postureIdentity,
  applicationRolesPosture,
  type PostureContext,
} from '../../policy/posture-context';
import type { AuroraClusterPlan } from '../../plan/plan-types';

export function auroraClusterPosture(db: AuroraClusterPlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  const tls = AURORA_ENGINE_TABLE[db.engine as AuroraEngine].tlsParameters;
  const clusters = [db, ...(db.global?.secondaries ?? [])];
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'aurora-cluster',
    // A reader in another zone is what a writer fails over to.
    highAvailability: at(
      db.instances.some((i) => i.role === 'reader'),
      'readers',
    ),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.recovery.backupRetentionDays, 'backupRetentionDays'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(clusters.every((c) => c.keyAliasArn) ? db.keyAliasArn : undefined, 'region'),
    tlsEnforced: at(
      clusters.every((c) => Object.entries(tls).every(([name, value]) => c.clusterParameters[name] === value)),
      'parameters',
    ),
    allowedNetworks: at(db.allowedCidrs, 'allowedCidrs'),
    alarmCount: clusters.reduce((n, c) => n + c.clusterAlarms.length + c.instances.reduce((m, i) => m + i.alarms.length, 0), 0),
    notificationTargets: awsAlarmTargets(db.alarmTopicArn, context),
    awsBackup: awsBackupPosture(context.backupMembership),
    ...applicationRolesPosture(db.accessPlan?.declared, context.index),
    placement: { region: db.region, zone: db.instances.find((i) => i.role === 'writer')?.availabilityZone },
    copies: at(
      [
        ...db.instances
          .filter((i) => i.role === 'reader')
          .map((i) => ({ name: i.identifier, region: db.region, zone: i.availabilityZone, purpose: 'failover' as const })),
        ...(db.global?.secondaries ?? []).map((c) => ({ name: c.clusterIdentifier, region: c.region, purpose: 'disaster-recovery' as const })),
      ],
      'secondaryRegions',
    ),
  };
}
