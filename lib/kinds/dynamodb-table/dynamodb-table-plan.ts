/** Plans one DynamoDB table: name, stack, settings, replicas with their region keys, recovery, alarms. */
import { dynamodbRegionAlarmDefinitions, dynamodbTableAlarmDefinitions } from '../../../constructs/aws/dynamodb/tables/dynamodb-alarm-definitions';
import type { DynamodbTableSettings } from '../../../constructs/aws/dynamodb/tables/dynamodb-table-checks';
import type { DynamoDbAlarmDefinition } from '../../../constructs/aws/dynamodb/tables/dynamodb-alarm-definitions';
import type { ResolvedDynamodbTable, ResolvedEnvironment } from '../../config/resolved-environment';
import { planBackupMembershipOf } from '../../plan/backup-plan';
import { awsStackName, databaseIdentifier } from '../../naming/names';
import type { AwsRegionPlan, DynamodbTablePlan } from '../../plan/plan-types';

export const dynamodbTableStackId = (database: string) => `dynamodb-${database}`;

/** A point-in-time restore can target any second up to about five minutes ago. */
const DYNAMODB_PITR_RPO_MINUTES = 5;
/** Without PITR, the last daily AWS Backup recovery point is the newest. */
const DAILY_BACKUP_RPO_MINUTES = 24 * 60;

/** What the checks (constructs/aws/dynamodb/tables/dynamodb-table-checks.ts) and the construct take, from config. */
export function dynamodbTableSettings(db: ResolvedDynamodbTable): DynamodbTableSettings {
  return {
    region: db.region,
    partitionKey: db.partitionKey,
    sortKey: db.sortKey,
    globalSecondaryIndexes: db.globalSecondaryIndexes,
    localSecondaryIndexes: db.localSecondaryIndexes,
    billing: db.billing,
    stream: db.stream,
    pointInTimeRecovery: db.pointInTimeRecovery,
    pointInTimeRecoveryDays: db.pointInTimeRecoveryDays,
    replicaRegions: db.replicaRegions,
    multiRegionConsistency: db.multiRegionConsistency,
    witnessRegion: db.witnessRegion,
  };
}

export function planDynamodbTable(env: ResolvedEnvironment, db: ResolvedDynamodbTable, regionPlan: (region: string) => AwsRegionPlan): DynamodbTablePlan {
  const tableName = databaseIdentifier(env.name, db.name);
  const stackId = dynamodbTableStackId(db.name);
  const settings = dynamodbTableSettings(db);
  const primary = regionPlan(db.region);
  const pitrDays = settings.pointInTimeRecovery ? (settings.pointInTimeRecoveryDays ?? 0) : 0;
  const inBackupPlan = planBackupMembershipOf(env, db).plans.length > 0;
  return {
    name: db.name,
    tableName,
    stackId,
    stackName: awsStackName(env.name, stackId),
    account: env.aws!.account,
    region: db.region,
    settings,
    tableClass: db.tableClass,
    timeToLiveAttribute: db.timeToLiveAttribute,
    replicas: settings.replicaRegions.map((region) => ({ region, keyAliasArn: regionPlan(region).keyAliasArn, tlsOnly: db.tlsOnlyReplicas })),
    recovery: {
      backupRetentionDays: pitrDays,
      pointInTimeRecovery: settings.pointInTimeRecovery,
      restorableWindowDays: pitrDays,
      rpoMinutes: settings.pointInTimeRecovery ? DYNAMODB_PITR_RPO_MINUTES : inBackupPlan ? DAILY_BACKUP_RPO_MINUTES : undefined,
    },
    deletionProtection: db.deletionProtection,
    // Contributor Insights is billed per event: on where someone reads it.
    contributorInsights: db.contributorInsights ?? env.tier !== 'development',
    removalPolicy: db.removalPolicy === 'destroy' ? 'destroy' : 'retain',
    keyAlias: primary.keyAlias,
    keyAliasArn: primary.keyAliasArn,
    alarmTopicArn: primary.alarmTopicArn,
    alarms: dynamodbTableAlarmDefinitions({
      tableName,
      replicaRegions: settings.replicaRegions,
      multiRegionConsistency: settings.multiRegionConsistency,
      billing: settings.billing,
    }),
    dashboardName: `dynamodb-${tableName}`,
    tags: db.tags,
  };
}

/** The region-wide DynamoDB alarms of `region`: only where a table or replica of the environment lives. */
export function planRegionDynamodbAlarms(env: ResolvedEnvironment, region: string): DynamoDbAlarmDefinition[] {
  const used = env.databases.some((db) => db.kind === 'dynamodb-table' && (db.region === region || db.replicaRegions.includes(region)));
  return used ? dynamodbRegionAlarmDefinitions(env.name, region) : [];
}
