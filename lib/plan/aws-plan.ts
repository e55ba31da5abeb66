/** Plans the AWS side of an environment: a foundation (key, topic, backup vault and plans) per region, the databases, a dashboard per region. */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planBackupMembership, planRegionBackup } from './backup-plan';
import { planRegionDynamodbAlarms } from '../kinds/dynamodb-table/dynamodb-table-plan';
import { KIND_ROWS } from '../kinds/registry';
import { DATABASE_CLOUD } from '../config/database-cloud';
import type { DashboardLine } from './dashboard-lines';
import { awsAlarmTopicName, awsDashboardName, awsDashboardStackId, awsFoundationStackId, awsKeyAlias, awsStackName } from '../naming/names';
import type { AwsDashboardPlan, AwsPlan, AwsRegionPlan, AwsStackSpec, DatabasePlans } from './plan-types';

/** The foundation of each region: key, topic, network, backup vault and plans, region-wide alarms. */
export function planAwsRegions(env: ResolvedEnvironment): AwsRegionPlan[] {
  const aws = env.aws;
  if (!aws) return [];
  return Object.entries(aws.regions).map(([region, settings]): AwsRegionPlan => {
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
}

/** The AWS side around the databases' own plans: foundations, backup membership, dashboards, and every stack. */
export function planAws(env: ResolvedEnvironment, regions: readonly AwsRegionPlan[], databases: DatabasePlans): AwsPlan | undefined {
  const aws = env.aws;
  if (!aws) return undefined;
  const awsRows = KIND_ROWS.filter((row) => DATABASE_CLOUD[row.kind] === 'aws');
  const dashboardLines = awsRows.flatMap((row) => databases[row.kind].flatMap((plan) => row.dashboardLines?.(plan) ?? []));
  const dashboards = planDashboards(env.name, regions, dashboardLines);
  return {
    account: aws.account,
    primaryRegion: aws.primaryRegion,
    regions,
    backupMembership: planBackupMembership(env),
    dashboards,
    stacks: [
      ...regions.map((region): AwsStackSpec => ({
        type: 'foundation',
        plan: region,
        stackId: region.stackId,
        stackName: region.stackName,
        region: region.region,
        description: `Databases foundation of ${env.name} in ${region.region}: KMS key, alarm topic, network, backup vault`,
        dependsOn: [],
      })),
      // An AWS kind's row declares AWS stacks (StackSpecOf); the rows are widened to all kinds here, hence the cast.
      ...awsRows.flatMap((row) => databases[row.kind].flatMap((plan) => row.stacks(plan) as unknown as readonly AwsStackSpec[])),
      ...dashboards.map((dashboard): AwsStackSpec => ({
        type: 'dashboard',
        plan: dashboard,
        stackId: dashboard.stackId,
        stackName: dashboard.stackName,
        region: dashboard.region,
        description: `Database dashboard of ${env.name} in ${dashboard.region}`,
        dependsOn: [],
      })),
    ],
  };
}

/**
 * Instances per dashboard: each adds a line (≈ 1 KB of template) to each of its ~10 graphs, so a region's dashboard
 * grows with the fleet. 100 keeps a dashboard stack near 100 KB (CloudFormation: 1 MB) and ~1,000 metrics
 * (CloudWatch dashboards take a limited number of metrics per graph and per dashboard); more get another dashboard.
 */
export const MAX_INSTANCES_PER_DASHBOARD = 100;

function planDashboards(environment: string, regions: readonly AwsRegionPlan[], lines: readonly DashboardLine[]): AwsDashboardPlan[] {
  return regions.flatMap(({ region }) => {
    const instances = lines.filter((line) => line.region === region).map(({ region: _region, ...instance }) => instance);
    const parts: AwsDashboardPlan[] = [];
    for (let index = 0; index * MAX_INSTANCES_PER_DASHBOARD < instances.length; index++) {
      const stackId = awsDashboardStackId(region, index);
      const chunk = instances.slice(index * MAX_INSTANCES_PER_DASHBOARD, (index + 1) * MAX_INSTANCES_PER_DASHBOARD);
      parts.push({
        stackId,
        stackName: awsStackName(environment, stackId),
        region,
        dashboardName: awsDashboardName(environment, region, index),
        instances: chunk,
      });
    }
    return parts;
  });
}
