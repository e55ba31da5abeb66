/** Plans the AWS side of an environment: one foundation (key, topic, backup vault and plans) per region, then the databases. */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planBackupMembership, planRegionBackup } from './backup-plan';
import { planDynamodbTable, planRegionDynamodbAlarms } from './dynamodb-table-plan';
import { awsAlarmTopicName, awsFoundationStackId, awsKeyAlias, awsStackName } from './names';
import type { AwsPlan, AwsRegionPlan } from './plan-types';
import { planRdsInstance } from './rds-instance-plan';

export function planAws(env: ResolvedEnvironment): AwsPlan | undefined {
  const aws = env.aws;
  if (!aws) return undefined;
  const regions = Object.entries(aws.regions).map(([region, settings]): AwsRegionPlan => {
    const stackId = awsFoundationStackId(region);
    const keyAlias = awsKeyAlias(env.name);
    const topicName = awsAlarmTopicName(env.name);
    return {
      region,
      stackId,
      stackName: awsStackName(env.name, stackId),
      network: settings.network,
      keyAlias,
      keyAliasArn: `arn:aws:kms:${region}:${aws.account}:${keyAlias}`,
      alarmTopicName: topicName,
      alarmTopicArn: `arn:aws:sns:${region}:${aws.account}:${topicName}`,
      notificationEmails: aws.notifications.emails,
      // The key and vault outlive every database that used them: never destroy a key in production.
      removalPolicy: env.tier === 'development' ? 'destroy' : 'retain',
      ...planRegionBackup(env, region),
      dynamodbAlarms: planRegionDynamodbAlarms(env, region),
    };
  });
  const regionPlan = (region: string) => regions.find((r) => r.region === region)!;
  const rdsInstances = env.databases.flatMap((db) =>
    db.kind === 'rds-instance' ? [planRdsInstance(env, db, regionPlan(db.region))] : [],
  );
  const dynamodbTables = env.databases.flatMap((db) =>
    db.kind === 'dynamodb-table' ? [planDynamodbTable(env, db, regionPlan)] : [],
  );
  return { account: aws.account, primaryRegion: aws.primaryRegion, regions, rdsInstances, dynamodbTables, backupMembership: planBackupMembership(env) };
}
