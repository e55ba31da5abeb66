import { Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DynamoDbGlobalTable } from '../../../constructs/aws/dynamodb/dynamodb-global-table';
import type { DynamodbTablePlan } from '../../plan/plan-types';
import { REMOVAL_POLICIES } from '../../aws/removal-policy';
import { applyTags } from '../../aws/apply-tags';

export interface DynamodbTableStackProps extends StackProps {
  readonly plan: DynamodbTablePlan;
}

/**
 * One DynamoDB table per stack, in the primary's region. Replicas name their region's key by alias ARN and the
 * alarms name the topic by ARN, so no cross-stack (or cross-region) reference ties the stacks together.
 */
export class DynamodbTableStack extends Stack {
  readonly table: DynamoDbGlobalTable;

  constructor(scope: Construct, id: string, props: DynamodbTableStackProps) {
    super(scope, id, props);
    const { plan } = props;
    const { settings } = plan;
    this.table = new DynamoDbGlobalTable(this, 'Table', {
      tableName: plan.tableName,
      partitionKey: settings.partitionKey,
      sortKey: settings.sortKey,
      globalSecondaryIndexes: settings.globalSecondaryIndexes,
      localSecondaryIndexes: settings.localSecondaryIndexes,
      billing: settings.billing,
      tableClass: plan.tableClass,
      timeToLiveAttribute: plan.timeToLiveAttribute,
      stream: settings.stream,
      encryptionKey: kms.Alias.fromAliasName(this, 'EncryptionKey', plan.keyAlias),
      replicas: plan.replicas.map((replica) => ({ region: replica.region, encryptionKeyArn: replica.keyAliasArn, enforceTls: replica.tlsOnly })),
      pointInTimeRecovery: settings.pointInTimeRecovery,
      pointInTimeRecoveryDays: settings.pointInTimeRecoveryDays,
      deletionProtection: plan.deletionProtection,
      contributorInsights: plan.contributorInsights,
      multiRegionConsistency: settings.multiRegionConsistency,
      witnessRegion: settings.witnessRegion,
      removalPolicy: REMOVAL_POLICIES[plan.removalPolicy],
      alarmTopic: sns.Topic.fromTopicArn(this, 'AlarmTopic', plan.alarmTopicArn),
      alarms: plan.alarms,
      dashboardName: plan.dashboardName,
    });
    applyTags(this, plan.tags);
  }
}
