import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { DatabaseNetwork } from '../../constructs/aws/database-network';
import { RdsDatabase } from '../../constructs/aws/rds-database';
import type { RdsInstancePlan } from '../plan/plan-types';
import { REMOVAL_POLICIES } from './removal-policy';

export interface RdsInstanceStackProps extends StackProps {
  readonly plan: RdsInstancePlan;
  readonly network: DatabaseNetwork;
}

/**
 * One RDS instance per stack: stacks stay far below CloudFormation's 500-resource limit and deploy in parallel.
 * The key and topic are named by their deterministic alias and ARN, so no cross-stack export ties them down.
 */
export class RdsInstanceStack extends Stack {
  readonly database: RdsDatabase;

  constructor(scope: Construct, id: string, props: RdsInstanceStackProps) {
    super(scope, id, props);
    const { plan } = props;
    this.database = new RdsDatabase(this, 'Database', {
      identifier: plan.identifier,
      engine: plan.engine,
      engineVersion: plan.engineVersion,
      instanceClass: plan.instanceClass,
      vpc: props.network.vpc,
      subnets: props.network.subnets,
      encryptionKey: kms.Alias.fromAliasName(this, 'EncryptionKey', plan.keyAlias),
      alarmTopic: sns.Topic.fromTopicArn(this, 'AlarmTopic', plan.alarmTopicArn),
      allocatedStorageGiB: plan.allocatedStorageGiB,
      maxAllocatedStorageGiB: plan.maxAllocatedStorageGiB,
      multiAz: plan.multiAz,
      backupRetentionDays: plan.recovery.backupRetentionDays,
      deletionProtection: plan.deletionProtection,
      removalPolicy: REMOVAL_POLICIES[plan.removalPolicy],
      port: plan.port,
      databaseName: plan.databaseName,
      allowedCidrs: plan.allowedCidrs,
      parameters: plan.parameters,
      alarms: plan.alarms,
      logExports: plan.logExports,
    });
    for (const [key, value] of Object.entries(plan.tags)) Tags.of(this).add(key, value);
  }
}
