/** Plans the AWS side of an environment: a foundation (key, topic, backup vault and plans) per region, the databases, a dashboard per region. */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planAuroraCluster } from '../kinds/aurora-cluster/aurora-cluster-plan';
import { planBackupMembership, planRegionBackup } from './backup-plan';
import { planDynamodbTable, planRegionDynamodbAlarms } from '../kinds/dynamodb-table/dynamodb-table-plan';
import { awsAlarmTopicName, awsDashboardName, awsDashboardStackId, awsFoundationStackId, awsKeyAlias, awsStackName } from './names';
import type { AuroraClusterCommonPlan, AuroraClusterPlan, AwsDashboardPlan, AwsPlan, AwsRegionPlan, RdsInstancePlan } from './plan-types';
import { planRdsInstance } from '../kinds/rds-instance/rds-instance-plan';

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
  const rdsInstances = env.databases.flatMap((db) => (db.kind === 'rds-instance' ? [planRdsInstance(env, db, regionPlan)] : []));
  const auroraClusters = env.databases.flatMap((db) => (db.kind === 'aurora-cluster' ? [planAuroraCluster(env, db, regionPlan)] : []));
  const dynamodbTables = env.databases.flatMap((db) => (db.kind === 'dynamodb-table' ? [planDynamodbTable(env, db, regionPlan)] : []));
  return {
    account: aws.account,
    primaryRegion: aws.primaryRegion,
    regions,
    rdsInstances,
    auroraClusters,
    dynamodbTables,
    backupMembership: planBackupMembership(env),
    dashboards: planDashboards(env.name, regions, rdsInstances, auroraClusters),
  };
}

/**
 * Instances per dashboard: each adds a line (≈ 1 KB of template) to each of its ~10 graphs, so a region's dashboard
 * grows with the fleet. 100 keeps a dashboard stack near 100 KB (CloudFormation: 1 MB) and ~1,000 metrics
 * (CloudWatch dashboards take a limited number of metrics per graph and per dashboard); more get another dashboard.
 */
export const MAX_INSTANCES_PER_DASHBOARD = 100;

function planDashboards(
  environment: string,
  regions: readonly AwsRegionPlan[],
  rdsInstances: readonly RdsInstancePlan[],
  auroraClusters: readonly AuroraClusterPlan[],
): AwsDashboardPlan[] {
  const metricNames = (instance: { alarms: RdsInstancePlan['alarms'] }) => {
    const metrics = new Map(instance.alarms.map((alarm) => [`${alarm.namespace}|${alarm.metricName}`, { namespace: alarm.namespace, metricName: alarm.metricName }]));
    return [...metrics.values()];
  };
  // An Aurora cluster: a line per instance, and a cluster line on the cluster-level graphs (volume, global lag).
  const auroraLines = (cluster: AuroraClusterCommonPlan) => [
    ...cluster.instances.map((instance) => ({ identifier: instance.identifier, role: instance.role, metrics: metricNames(instance), region: cluster.region })),
    { identifier: cluster.clusterIdentifier, role: cluster.instances.some((i) => i.role === 'writer') ? 'primary-cluster' as const : 'secondary-cluster' as const, metrics: metricNames({ alarms: cluster.clusterAlarms }), region: cluster.region, dimension: 'DBClusterIdentifier' as const },
  ];
  const all = [
    ...rdsInstances.flatMap((primary) => [
      { identifier: primary.identifier, role: 'primary' as const, metrics: metricNames(primary), region: primary.region },
      ...primary.replicas.map((replica) => ({ identifier: replica.identifier, role: 'replica' as const, metrics: metricNames(replica), region: replica.region })),
    ]),
    ...auroraClusters.flatMap((cluster) => [...auroraLines(cluster), ...(cluster.global?.secondaries ?? []).flatMap(auroraLines)]),
  ];
  return regions.flatMap(({ region }) => {
    const instances = all.filter((instance) => instance.region === region).map(({ region: _region, ...instance }) => instance);
    const parts: AwsDashboardPlan[] = [];
    for (let index = 0; index * MAX_INSTANCES_PER_DASHBOARD < instances.length; index++) {
      const stackId = awsDashboardStackId(region, index);
      const chunk = instances.slice(index * MAX_INSTANCES_PER_DASHBOARD, (index + 1) * MAX_INSTANCES_PER_DASHBOARD);
      parts.push({ stackId, stackName: awsStackName(environment, stackId), region, dashboardName: awsDashboardName(environment, region, index), instances: chunk });
    }
    return parts;
  });
}
