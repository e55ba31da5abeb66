import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { VaultLockSettings, vaultLockProblems } from './tables/backup-checks';
import { allowServiceToPublish } from '../foundation/service-publish-grant';

export interface DatabaseBackupVaultProps {
  /** 2–50 letters, digits, `-` or `_`; deterministic (e.g. `<env>-databases`) so copy rules in other regions can name it. */
  readonly vaultName: string;
  /** The region's customer-managed key: every recovery point in the vault is encrypted with it. */
  readonly encryptionKey: kms.IKey;
  /** Receives failed backup and copy jobs. */
  readonly notificationTopic: sns.ITopic;
  /** Vault Lock (governance mode unless changeableForDays is set). @default - no lock */
  readonly lock?: VaultLockSettings;
  /** A vault holding recovery points cannot be deleted anyway. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** Backup job states that need someone's attention (EventBridge "Backup Job State Change"). */
export const FAILED_BACKUP_JOB_STATES = ['FAILED', 'ABORTED', 'EXPIRED'] as const;

/**
 * An AWS Backup vault for the databases of one region: encrypted with the region's customer-managed key, an access
 * policy that denies deleting recovery points or shortening their lifecycle (to everyone, the account root included),
 * failed backup and copy jobs sent to the alarm topic, and an optional Vault Lock.
 */
export class DatabaseBackupVault extends Construct {
  readonly vault: backup.BackupVault;
  readonly failedJobsRule: events.Rule;

  constructor(scope: Construct, id: string, props: DatabaseBackupVaultProps) {
    super(scope, id);
    const problems = props.lock ? vaultLockProblems(props.vaultName, props.lock) : [];
    if (problems.length > 0) {
      throw new DatabaseValidationError(
        'DatabaseBackupVault',
        this.node.path,
        problems.map((p) => ({ ...p, path: ['lock', ...p.path] })),
      );
    }
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: props.vaultName,
      encryptionKey: props.encryptionKey,
      blockRecoveryPointDeletion: true,
      lockConfiguration: props.lock && {
        minRetention: Duration.days(props.lock.minRetentionDays),
        maxRetention: props.lock.maxRetentionDays === undefined ? undefined : Duration.days(props.lock.maxRetentionDays),
        changeableFor: props.lock.changeableForDays === undefined ? undefined : Duration.days(props.lock.changeableForDays),
      },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // Set on the L1: the L2's notificationTopic grants AWS Backup publishing for any account (no source condition).
    // The vault's SNS events no longer include BACKUP_JOB_FAILED (only BACKUP_JOB_COMPLETED, in every state);
    // failed backup jobs come from EventBridge below.
    (this.vault.node.defaultChild as backup.CfnBackupVault).notifications = {
      backupVaultEvents: [backup.BackupVaultEvents.COPY_JOB_FAILED],
      snsTopicArn: props.notificationTopic.topicArn,
    };
    allowServiceToPublish(props.notificationTopic, 'backup');
    this.failedJobsRule = new events.Rule(this, 'FailedBackupJobs', {
      description: `Failed, aborted or expired backup jobs of vault ${props.vaultName}`,
      eventPattern: {
        source: ['aws.backup'],
        detailType: ['Backup Job State Change'],
        detail: { state: [...FAILED_BACKUP_JOB_STATES], backupVaultName: [props.vaultName] },
      },
      targets: [topicTargetWithoutGrant(props.notificationTopic)],
    });
    allowServiceToPublish(props.notificationTopic, 'events');
  }
}

/** An SNS rule target that grants nothing itself (`targets.SnsTopic` grants EventBridge for any source). */
function topicTargetWithoutGrant(topic: sns.ITopic): events.IRuleTarget {
  return { bind: () => ({ arn: topic.topicArn }) };
}
