/**
 * One stack per Cloud SQL instance and its read replicas: a small state, instances plan and apply independently,
 * and a replica always lives with the primary it references.
 */
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { DataGoogleSecretManagerSecretVersion } from '@cdktf/provider-google/lib/data-google-secret-manager-secret-version';
import { CloudSqlInstance } from '../../../constructs/gcp/cloud-sql-instance';
import { CloudSqlReadReplica } from '../../../constructs/gcp/cloud-sql-read-replica';
import { CloudSqlDatabaseAccess } from '../../../constructs/gcp/cloud-sql-database-access';
import { ConnectionContractSecrets } from '../../../constructs/gcp/connection-contract-secrets';
import type { CloudSqlInstancePlan, ContractValue, GcpPlan } from '../../plan/plan-types';
import { addRandomProvider } from '../../gcp/random-provider';
import type { GcpFoundationStack } from '../../gcp/gcp-foundation-stack';
import { addGoogleProvider } from '../../gcp/google-provider';
import { addStateBackend } from '../../gcp/state-backend';

export interface CloudSqlInstanceStackProps {
  readonly gcp: GcpPlan;
  readonly instance: CloudSqlInstancePlan;
  readonly foundation: GcpFoundationStack;
}

export class CloudSqlInstanceStack extends TerraformStack {
  readonly database: CloudSqlInstance;
  readonly replicas: readonly CloudSqlReadReplica[];
  readonly access: CloudSqlDatabaseAccess;

  constructor(scope: Construct, props: CloudSqlInstanceStackProps) {
    const { gcp, instance: plan, foundation } = props;
    super(scope, plan.stackName);
    addGoogleProvider(this, plan.projectId, plan.region);
    addStateBackend(this, plan.stackName, gcp.stateBackend);
    // The key grants live in the foundation; no instance can use a key before its grant exists.
    this.addDependency(foundation);
    // A cross-stack reference: cdktf adds an output to the foundation and a remote-state read here.
    const notificationChannels = foundation.notificationChannelNames;

    this.database = new CloudSqlInstance(this, 'Database', {
      project: plan.projectId,
      region: plan.region,
      instanceName: plan.instanceName,
      databaseVersion: plan.databaseVersion,
      edition: plan.edition,
      tier: plan.machineTier.name,
      availabilityType: plan.availabilityType,
      diskType: plan.diskType,
      diskSizeGb: plan.diskSizeGb,
      diskAutoresize: plan.diskAutoresize,
      diskAutoresizeLimitGb: plan.diskAutoresizeLimitGb,
      // The plan's deterministic id, not a reference: no remote-state read for a value we already know.
      encryptionKeyName: plan.keyId,
      privateNetwork: plan.privateNetwork,
      sslMode: plan.sslMode,
      backups: plan.recovery.backups,
      backupStartTime: plan.recovery.backupStartTime,
      backupLocation: plan.recovery.backupLocation,
      retainedBackups: plan.recovery.backups ? plan.recovery.retainedBackups : undefined,
      pointInTimeRecovery: plan.recovery.pointInTimeRecovery,
      pointInTimeRecoveryMode: plan.pointInTimeRecoveryMode,
      transactionLogRetentionDays: plan.recovery.transactionLogRetentionDays,
      queryInsights: plan.queryInsights,
      iamAuthentication: plan.iamAuthentication,
      passwordPolicy: plan.passwordPolicy ?? false,
      auditLogging: plan.auditLogging,
      auditBucket: plan.auditBucket,
      maintenanceWindow: plan.maintenanceWindow,
      denyMaintenancePeriod: plan.denyMaintenancePeriod,
      dataCache: plan.dataCache,
      rootPassword: plan.rootPasswordSecret && rootPassword(this, plan.projectId, plan.rootPasswordSecret),
      disasterRecoveryReplicaName: plan.disasterRecoveryReplicaName,
      databaseFlags: plan.flags,
      labels: plan.labels,
      deletionProtection: plan.deletionProtection,
      preventDestroy: plan.preventDestroy,
      retainBackupsOnDelete: plan.retainBackupsOnDelete,
      alerts: plan.alerts,
      notificationChannels,
    });

    this.access = addDatabaseAccess(this, plan, this.database);

    // Named by region (and ordinal), like the instances, so adding a replica elsewhere changes no other.
    const replicaPrefix = `${plan.instanceName}-replica-`;
    this.replicas = plan.replicas.map(
      (replica) =>
        new CloudSqlReadReplica(this, `Replica-${replica.instanceName.slice(replicaPrefix.length)}`, {
          primary: this.database,
          region: replica.region,
          instanceName: replica.instanceName,
          tier: replica.machineTier.name,
          availabilityType: replica.availabilityType,
          diskSizeGb: replica.diskSizeGb,
          diskAutoresize: plan.diskAutoresize,
          diskAutoresizeLimitGb: plan.diskAutoresizeLimitGb,
          encryptionKeyName: replica.keyId,
          disasterRecovery: replica.disasterRecovery,
          databaseFlags: replica.flags,
          labels: replica.labels,
          deletionProtection: replica.deletionProtection,
          preventDestroy: replica.preventDestroy,
          alerts: replica.alerts,
          notificationChannels,
        }),
    );
  }
}

/**
 * Databases and users (Terraform), the password secrets and the connection contract (Secret Manager, the instance's
 * region key) and the same contract as outputs for tooling. Grants are SQL: `dbctl provision` applies them.
 */
function addDatabaseAccess(stack: TerraformStack, plan: CloudSqlInstancePlan, database: CloudSqlInstance): CloudSqlDatabaseAccess {
  const access = plan.accessPlan;
  // Only where a password is generated: otherwise `terraform init` would fetch a provider nothing uses.
  if (access.passwordUsers.length > 0) addRandomProvider(stack);
  const secretSettings = { project: plan.projectId, region: plan.region, kmsKeyName: plan.keyId, labels: plan.labels };
  const result = new CloudSqlDatabaseAccess(stack, 'Access', {
    ...secretSettings,
    instanceName: database.instance.name,
    engine: plan.engine,
    databases: access.databases,
    passwordUsers: access.passwordUsers.map((user) => ({ name: user.role, secretId: user.secretId, readers: user.consumers })),
    iamServiceAccounts: access.iamUsers.map((user) => user.serviceAccount),
    preventDestroy: plan.preventDestroy,
  });
  const valueOf = (value: ContractValue) => ('text' in value ? value.text : database.instance[value.instanceAttribute]);
  new ConnectionContractSecrets(stack, 'Contract', {
    ...secretSettings,
    entries: access.contract.map((entry) => ({ secretId: entry.secretId, value: valueOf(entry.value) })),
    readers: access.consumers,
    deletionProtection: plan.preventDestroy,
  });
  for (const entry of access.contract) new TerraformOutput(stack, `contract-${entry.key}`, { value: valueOf(entry.value) });
  return result;
}

/** The latest version of a Secret Manager secret: the password stays out of the code (it does land in the state). */
function rootPassword(scope: Construct, project: string, secret: string): string {
  return new DataGoogleSecretManagerSecretVersion(scope, 'RootPassword', { project, secret }).secretData;
}
