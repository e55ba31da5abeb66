/** Plan → construct props for what a primary and its replicas share: every decision comes from the plan. */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RegionResources } from '../../aws/region-resources';
import type { RdsInstanceBaseProps } from '../../../constructs/aws/rds/rds-instance-base';
import type { RdsInstancePlan, RdsReplicaPlan } from '../../plan/plan-types';
import { REMOVAL_POLICIES } from '../../aws/removal-policy';

export function instanceBaseProps(scope: Construct, plan: RdsInstancePlan | RdsReplicaPlan, region: RegionResources, idPrefix = ''): RdsInstanceBaseProps {
  return {
    identifier: plan.identifier,
    engine: plan.engine,
    engineVersion: plan.engineVersion,
    instanceClass: plan.instanceClass,
    vpc: region.network.vpc,
    subnets: region.network.subnets,
    encryptionKey: kms.Alias.fromAliasName(scope, `${idPrefix}EncryptionKey`, plan.keyAlias),
    logEncryptionKey: region.logKey,
    alarmTopic: sns.Topic.fromTopicArn(scope, `${idPrefix}AlarmTopic`, plan.alarmTopicArn),
    allowedCidrs: plan.allowedCidrs,
    allowedSecurityGroupIds: plan.allowedSecurityGroupIds,
    parameters: plan.parameters,
    alarms: plan.alarms,
    deletionProtection: plan.deletionProtection,
    removalPolicy: REMOVAL_POLICIES[plan.removalPolicy],
    performanceInsights: plan.observability.performanceInsights,
    databaseInsightsMode: plan.observability.databaseInsightsMode,
    performanceInsightsRetentionDays: plan.observability.performanceInsightsRetentionDays,
    monitoringIntervalSeconds: plan.observability.monitoringIntervalSeconds,
    logExports: plan.observability.logExports,
    logRetentionDays: plan.observability.logRetentionDays,
  };
}
