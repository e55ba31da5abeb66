/** One adapter per database kind, from its plan to the cloud-neutral posture the rules check. */
import { rdsEngineRow } from '../../constructs/aws/rds/tables/rds-engine-table';
import { AURORA_ENGINE_TABLE, AuroraEngine } from '../../constructs/aws/aurora/tables/aurora-engine-table';
import type { AuroraClusterPlan, BackupMembershipPlan, CloudSqlInstancePlan, DynamodbTablePlan, EnvironmentPlan, RdsInstancePlan } from '../plan/plan-types';
import type { DatabasePosture, PostureSetting } from './database-posture';

type Context = Pick<DatabasePosture, 'environment' | 'tier' | 'index'>;
const databaseSetting = <T>(index: number) => (value: T, field: string): PostureSetting<T> => ({ value, path: ['databases', index, field] });

/** What the AWS Backup membership of an AWS database looks like to the rules. */
function awsBackupPosture(membership: BackupMembershipPlan | undefined): DatabasePosture['awsBackup'] {
  return { plans: { value: membership?.plans ?? [], path: ['aws', 'backup'] }, optOutReason: membership?.optOutReason };
}

function rdsInstancePosture(db: RdsInstancePlan, context: Context, emails: readonly string[], membership?: BackupMembershipPlan): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  const tls = rdsEngineRow(db.engine)?.tlsParameters ?? {};
  return {
    ...context,
    database: db.name,
    kind: 'rds-instance',
    highAvailability: at(db.multiAz, 'highAvailability'),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.recovery.backupRetentionDays, 'backupRetentionDays'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(db.keyAliasArn, 'region'),
    tlsEnforced: at(Object.entries(tls).every(([name, value]) => db.parameters[name] === value), 'parameters'),
    allowedNetworks: at(db.allowedCidrs, 'allowedCidrs'),
    alarmCount: db.alarms.length,
    notificationTargets: { value: emails.length > 0 ? [db.alarmTopicArn] : [], path: ['aws', 'notifications', 'emails'] },
    awsBackup: awsBackupPosture(membership),
    placement: { region: db.region },
    copies: at(
      db.replicas.map((r) => ({ name: r.identifier, region: r.region, zone: r.availabilityZone, purpose: r.crossRegion ? 'disaster-recovery' as const : 'read-scaling' as const })),
      'replicas',
    ),
  };
}

function auroraClusterPosture(db: AuroraClusterPlan, context: Context, emails: readonly string[], membership?: BackupMembershipPlan): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  const tls = AURORA_ENGINE_TABLE[db.engine as AuroraEngine].tlsParameters;
  const clusters = [db, ...(db.global?.secondaries ?? [])];
  return {
    ...context,
    database: db.name,
    kind: 'aurora-cluster',
    // A reader in another zone is what a writer fails over to.
    highAvailability: at(db.instances.some((i) => i.role === 'reader'), 'readers'),
    deletionProtection: at(db.deletionProtection, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.recovery.backupRetentionDays, 'backupRetentionDays'),
    pointInTimeRecovery: at(db.recovery.pointInTimeRecovery, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(clusters.every((c) => c.keyAliasArn) ? db.keyAliasArn : undefined, 'region'),
    tlsEnforced: at(clusters.every((c) => Object.entries(tls).every(([name, value]) => c.clusterParameters[name] === value)), 'parameters'),
    allowedNetworks: at(db.allowedCidrs, 'allowedCidrs'),
    alarmCount: clusters.reduce((n, c) => n + c.clusterAlarms.length + c.instances.reduce((m, i) => m + i.alarms.length, 0), 0),
    notificationTargets: { value: emails.length > 0 ? [db.alarmTopicArn] : [], path: ['aws', 'notifications', 'emails'] },
    awsBackup: awsBackupPosture(membership),
    placement: { region: db.region, zone: db.instances.find((i) => i.role === 'writer')?.availabilityZone },
    copies: at(
      [
        ...db.instances.filter((i) => i.role === 'reader').map((i) => ({ name: i.identifier, region: db.region, zone: i.availabilityZone, purpose: 'failover' as const })),
        ...(db.global?.secondaries ?? []).map((c) => ({ name: c.clusterIdentifier, region: c.region, purpose: 'disaster-recovery' as const })),
      ],
      'secondaryRegions',
    ),
  };
}

function dynamodbTablePosture(db: DynamodbTablePlan, context: Context, emails: readonly string[], membership?: BackupMembershipPlan): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  return {
    ...context,
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
    tlsEnforced: at(db.replicas.every((r) => r.tlsOnly), 'tlsOnlyReplicas'),
    // Reached through IAM-authorized API calls only: there are no network ranges to open.
    allowedNetworks: at<readonly string[]>([], 'kind'),
    alarmCount: db.alarms.length,
    notificationTargets: { value: emails.length > 0 ? [db.alarmTopicArn] : [], path: ['aws', 'notifications', 'emails'] },
    awsBackup: awsBackupPosture(membership),
    placement: { region: db.region },
    copies: at(
      db.replicas.filter((r) => r.region !== db.region).map((r) => ({ name: `${db.tableName} (${r.region})`, region: r.region, purpose: 'disaster-recovery' as const })),
      'replicaRegions',
    ),
  };
}

function cloudSqlInstancePosture(db: CloudSqlInstancePlan, context: Context, emails: readonly string[]): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  return {
    ...context,
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
    notificationTargets: { value: emails, path: ['gcp', 'notifications', 'emails'] },
    placement: { region: db.region },
    copies: at(
      db.replicas.map((r) => ({ name: r.instanceName, region: r.region, purpose: r.disasterRecovery ? 'disaster-recovery' as const : 'read-scaling' as const })),
      'replicas',
    ),
  };
}

/** The posture of every database of an environment, in config order. */
export function environmentPostures(plan: EnvironmentPlan, databaseOrder: readonly string[]): DatabasePosture[] {
  const context = (name: string): Context => ({ environment: plan.environment, tier: plan.tier, index: databaseOrder.indexOf(name) });
  const awsEmails = plan.aws?.regions[0]?.notificationEmails ?? [];
  const gcpEmails = plan.gcp?.foundation.notificationEmails ?? [];
  const membership = (name: string) => plan.aws?.backupMembership.find((m) => m.database === name);
  return [
    ...(plan.aws?.rdsInstances ?? []).map((db) => rdsInstancePosture(db, context(db.name), awsEmails, membership(db.name))),
    ...(plan.aws?.auroraClusters ?? []).map((db) => auroraClusterPosture(db, context(db.name), awsEmails, membership(db.name))),
    ...(plan.aws?.dynamodbTables ?? []).map((db) => dynamodbTablePosture(db, context(db.name), awsEmails, membership(db.name))),
    ...(plan.gcp?.cloudSqlInstances ?? []).map((db) => cloudSqlInstancePosture(db, context(db.name), gcpEmails)),
  ].sort((a, b) => a.index - b.index);
}
