import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DatabaseBackupPlan } from '../../constructs/aws/backup/backup-plan';
import { DatabaseBackupVault } from '../../constructs/aws/backup/backup-vault';
import { DatabaseFoundation } from '../../constructs/aws/foundation/database-foundation';
import { DatabaseNetwork } from '../../constructs/aws/foundation/database-network';
import { createDynamoDbAlarm } from '../../constructs/aws/dynamodb/dynamodb-alarm';
import type { AwsRegionPlan } from '../plan/plan-types';
import { REMOVAL_POLICIES } from './removal-policy';

export interface FoundationStackProps extends StackProps {
  readonly region: AwsRegionPlan;
}

/**
 * Per (environment, region): the network the databases use, the customer-managed key, the alarm topic, the backup
 * vault with the plans of the region's databases, and region-wide DynamoDB alarms.
 */
export class FoundationStack extends Stack {
  readonly network: DatabaseNetwork;
  readonly foundation: DatabaseFoundation;
  readonly backupVault: DatabaseBackupVault;
  readonly backupPlans: readonly DatabaseBackupPlan[];
  private readonly configuredZones: string[];

  constructor(scope: Construct, id: string, props: FoundationStackProps) {
    super(scope, id, props);
    const { region } = props;
    this.configuredZones = [...region.network.availabilityZones];
    this.foundation = new DatabaseFoundation(this, 'Foundation', {
      keyAlias: region.keyAlias,
      alarmTopicName: region.alarmTopicName,
      notificationEmails: region.notificationEmails,
      removalPolicy: REMOVAL_POLICIES[region.removalPolicy],
    });
    this.network = new DatabaseNetwork(
      this,
      'Network',
      region.network.type === 'existing'
        ? { existing: region.network }
        : { isolated: { ...region.network, flowLogKey: this.foundation.key, flowLogRemovalPolicy: REMOVAL_POLICIES[region.removalPolicy] } },
    );
    this.backupVault = new DatabaseBackupVault(this, 'BackupVault', {
      vaultName: region.backupVault.name,
      encryptionKey: this.foundation.key,
      notificationTopic: this.foundation.alarmTopic,
      lock: region.backupVault.lock,
      removalPolicy: REMOVAL_POLICIES[region.backupVault.removalPolicy],
    });
    this.backupPlans = region.backupPlans.map(
      (plan) =>
        new DatabaseBackupPlan(this, `BackupPlan-${plan.name}`, {
          planName: plan.name,
          vault: this.backupVault.vault,
          rules: plan.rules,
          selection: plan.selection,
        }),
    );
    for (const alarm of region.dynamodbAlarms) createDynamoDbAlarm(this, alarm, this.foundation.alarmTopic);
  }

  /** The zones come from config: without this, a VPC in an env-specific stack looks them up (needs credentials). */
  override get availabilityZones(): string[] {
    return this.configuredZones;
  }
}
