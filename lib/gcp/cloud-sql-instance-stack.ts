/** One stack per Cloud SQL instance: a small state, and instances plan and apply independently. */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { CloudSqlInstance } from '../../constructs/gcp/cloud-sql-instance';
import type { CloudSqlInstancePlan, GcpPlan } from '../plan/plan-types';
import type { GcpFoundationStack } from './gcp-foundation-stack';
import { addGoogleProvider } from './google-provider';
import { addStateBackend } from './state-backend';

export interface CloudSqlInstanceStackProps {
  readonly gcp: GcpPlan;
  readonly instance: CloudSqlInstancePlan;
  readonly foundation: GcpFoundationStack;
}

export class CloudSqlInstanceStack extends TerraformStack {
  readonly database: CloudSqlInstance;

  constructor(scope: Construct, props: CloudSqlInstanceStackProps) {
    const { gcp, instance: plan, foundation } = props;
    super(scope, plan.stackName);
    addGoogleProvider(this, plan.projectId, plan.region);
    addStateBackend(this, plan.stackName, gcp.stateBackend);
    // The key grant lives in the foundation; the instance cannot use the key before it exists.
    this.addDependency(foundation);

    this.database = new CloudSqlInstance(this, 'Database', {
      project: plan.projectId,
      region: plan.region,
      instanceName: plan.instanceName,
      databaseVersion: plan.databaseVersion,
      edition: plan.edition,
      tier: plan.tier,
      availabilityType: plan.availabilityType,
      diskSizeGb: plan.diskSizeGb,
      // The plan's deterministic id, not a reference: no remote-state read for a value we already know.
      encryptionKeyName: plan.keyId,
      privateNetwork: plan.privateNetwork,
      sslMode: plan.sslMode,
      backupStartTime: plan.recovery.backupStartTime,
      retainedBackups: plan.recovery.backupRetentionDays,
      pointInTimeRecovery: plan.recovery.pointInTimeRecovery,
      pointInTimeRecoveryMode: plan.pointInTimeRecoveryMode,
      transactionLogRetentionDays: plan.recovery.transactionLogRetentionDays,
      databaseFlags: plan.flags,
      labels: plan.labels,
      deletionProtection: plan.deletionProtection,
      preventDestroy: plan.preventDestroy,
      retainBackupsOnDelete: plan.retainBackupsOnDelete,
      alerts: plan.alerts,
      // A cross-stack reference: cdktf adds an output to the foundation and a remote-state read here.
      notificationChannels: foundation.notificationChannelNames,
    });
  }
}
