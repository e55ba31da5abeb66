/** How a DynamoDB table looks to the policy rules: its plan in the cloud-neutral terms of DatabasePosture. */
import type { DatabasePosture } from '../../policy/database-posture';
import { awsAlarmTargets, awsBackupPosture, databaseSetting, postureIdentity, type PostureContext } from '../../policy/posture-context';
import type { DynamodbTablePlan } from '../../plan/plan-types';

export function dynamodbTablePosture(db: DynamodbTablePlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'dynamodb-table',
    // DynamoDB keeps every table in three availability zones of its region; nothing to configure.
    highAvailability: at(true, 'region'),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.recovery.backupRetentionDays, 'pointInTimeRecoveryDays'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(db.replicas.every((r) => r.keyAliasArn) ? db.keyAliasArn : undefined, 'replicaRegions'),
    // The primary always refuses plain HTTP; replicas once tlsOnlyReplicas is set (after they exist).
    tlsEnforced: at(
      db.replicas.every((r) => r.tlsOnly),
      'tlsOnlyReplicas',
    ),
    // Reached through IAM-authorized API calls only: there are no network ranges to open.
    allowedNetworks: at<readonly string[]>([], 'kind'),
    alarmCount: db.alarms.length,
    notificationTargets: awsAlarmTargets(db.alarmTopicArn, context),
    awsBackup: awsBackupPosture(context.backupMembership),
    placement: { region: db.region },
    copies: at(
      db.replicas
        .filter((r) => r.region !== db.region)
        .map((r) => ({ name: `${db.tableName} (${r.region})`, region: r.region, purpose: 'disaster-recovery' as const })),
      'replicaRegions',
    ),
  };
}
