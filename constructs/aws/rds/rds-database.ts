import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeGroupRules, acknowledgeRdsInstanceDesign, unexportedLogTypes } from '../foundation/compliance-acknowledgements';
import type { RdsAlarms } from './rds-alarms';
import { addInstanceAlarms, buildInstanceParts, RdsInstanceBaseProps } from './rds-instance-base';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { RdsInstanceSettings, rdsInstanceProblems } from './tables/rds-instance-checks';
import { RdsReadReplica, RdsReadReplicaOptions } from './rds-read-replica';
import { RDS_DEFAULTS, rdsWindows } from './tables/rds-defaults';
import { DEFAULT_DATABASE_REMOVAL_POLICY, keepUnlessDestroyed } from '../foundation/removal';
import { rdsLicenseModel, type RdsLicenseModel } from './tables/rds-engine-table';

export interface RdsDatabaseProps extends RdsInstanceBaseProps {
  /** @default - the engine's first license model (Oracle Enterprise Edition: bring-your-own-license) */
  readonly licenseModel?: RdsLicenseModel;
  /** @default 20 */
  readonly allocatedStorageGiB?: number;
  /** Storage autoscaling limit. @default - no autoscaling */
  readonly maxAllocatedStorageGiB?: number;
  /** @default true */
  readonly multiAz?: boolean;
  /** Automated backup retention, 0–35 days; also the point-in-time recovery window. @default 7 */
  readonly backupRetentionDays?: number;
  /** Daily UTC window `hh24:mi-hh24:mi`, apart from the maintenance window. @default '02:00-03:00' */
  readonly preferredBackupWindow?: string;
  /**
   * Replicate automated backups to another region, encrypted with that region's key (an alias ARN works).
   * @default - no replication
   */
  readonly backupReplication?: { readonly region: string; readonly keyArn: string };
  /** Initial database. @default - none */
  readonly databaseName?: string;
  /** Master user name. @default 'dbadmin' */
  readonly masterUsername?: string;
  /**
   * `rds-managed`: RDS generates the password into Secrets Manager, encrypted with `encryptionKey`, and rotates it
   * every 7 days. `secrets-manager`: a generated secret rotated by the engine's rotation Lambda function every
   * `passwordRotationDays` (the subnets need a route to Secrets Manager). Never a literal password.
   * @default 'rds-managed'
   */
  readonly credentials?: 'rds-managed' | 'secrets-manager';
  /** @default 30 */
  readonly passwordRotationDays?: number;
  /** An RDS Proxy (TLS required, IAM authentication, the master secret). @default false */
  readonly proxy?: boolean;
  /** Same-region read replicas. Cross-region replicas: RdsReadReplica in a stack of the target region. @default - none */
  readonly replicas?: readonly RdsReadReplicaOptions[];
}

/**
 * An RDS DB instance with safe defaults: encrypted with a customer key, private, TLS enforced, tuned parameter group,
 * backups with point-in-time recovery, deletion protection, generated and rotated master password, IAM database
 * authentication where the engine has it, Performance Insights, Enhanced Monitoring, encrypted log exports, alarms.
 */
export class RdsDatabase extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly parameterGroup: rds.ParameterGroup;
  readonly optionGroup?: rds.OptionGroup;
  readonly securityGroup: ec2.SecurityGroup;
  /** The port clients connect to and the security group opens (the TLS listener for Oracle, else the database port). */
  readonly clientPort: number;
  /** The master secret: generated (`secrets-manager`) or managed by RDS (`rds-managed`). */
  readonly masterSecret: secretsmanager.ISecret;
  readonly alarms: RdsAlarms;
  readonly proxy?: rds.DatabaseProxy;
  readonly replicas: readonly RdsReadReplica[];

  constructor(scope: Construct, id: string, props: RdsDatabaseProps) {
    super(scope, id);
    const settings = validate(this.node.path, props);
    const { allocatedStorageGiB, backupRetentionDays, multiAz } = settings;
    const removalPolicy = props.removalPolicy ?? DEFAULT_DATABASE_REMOVAL_POLICY;
    const parts = buildInstanceParts(this, props, removalPolicy);
    const { row } = parts;
    this.parameterGroup = parts.parameterGroup;
    this.securityGroup = parts.securityGroup;
    this.clientPort = parts.clientPort;

    if (row.options.length > 0) {
      this.optionGroup = new rds.OptionGroup(this, 'Options', {
        engine: parts.engine,
        description: `${props.identifier} options`,
        configurations: row.options.map((option) => ({
          name: option.name,
          settings: { ...option.settings },
          ...(option.port === undefined ? {} : { port: option.port, vpc: props.vpc, securityGroups: [this.securityGroup] }),
        })),
      });
      this.optionGroup.applyRemovalPolicy(keepUnlessDestroyed(removalPolicy));
    }

    const username = props.masterUsername ?? RDS_DEFAULTS.masterUsername;
    const generated =
      props.credentials === 'secrets-manager'
        ? new rds.DatabaseSecret(this, 'MasterSecret', { username, secretName: `${props.identifier}/master`, encryptionKey: props.encryptionKey })
        : undefined;
    // The master secret must outlive a retained or snapshotted database, or nobody can log in after a restore.
    generated?.applyRemovalPolicy(keepUnlessDestroyed(removalPolicy));
    const credentials = generated ? rds.Credentials.fromSecret(generated) : rds.Credentials.fromUsername(username, { encryptionKey: props.encryptionKey });

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      ...parts.instanceProps,
      engine: parts.engine,
      licenseModel: rdsLicenseModel(row, props.licenseModel) as rds.LicenseModel,
      optionGroup: this.optionGroup,
      databaseName: props.databaseName,
      credentials,
      manageMasterUserPassword: !generated,
      allocatedStorage: allocatedStorageGiB,
      maxAllocatedStorage: props.maxAllocatedStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: props.encryptionKey,
      multiAz,
      backupRetention: Duration.days(backupRetentionDays),
      preferredBackupWindow: settings.preferredBackupWindow,
      copyTagsToSnapshot: true,
      // Keep automated backups after the instance is deleted, unless it is meant to be thrown away.
      deleteAutomatedBackups: removalPolicy === RemovalPolicy.DESTROY,
      // A major version change upgrades this instance in place (with a new parameter group family).
      allowMajorVersionUpgrade: true,
    });
    const cfn = this.instance.node.defaultChild as rds.CfnDBInstance;
    if (props.backupReplication) {
      cfn.automaticBackupReplicationRegion = props.backupReplication.region;
      cfn.automaticBackupReplicationKmsKeyId = props.backupReplication.keyArn;
      cfn.automaticBackupReplicationRetentionPeriod = backupRetentionDays;
    }

    if (generated) {
      this.masterSecret = this.instance.secret!;
      this.instance.addRotationSingleUser({ automaticallyAfter: Duration.days(props.passwordRotationDays ?? RDS_DEFAULTS.passwordRotationDays) });
    } else {
      // RDS keeps this secret (encrypted with the key) and rotates it every 7 days.
      this.masterSecret = secretsmanager.Secret.fromSecretCompleteArn(this, 'ManagedMasterSecret', cfn.attrMasterUserSecretSecretArn);
    }

    this.alarms = addInstanceAlarms(this, props, parts, this.instance, { role: 'primary', allocatedStorageGiB });
    acknowledgeRdsInstanceDesign(this.instance, {
      role: 'primary',
      multiAz,
      deletionProtection: parts.deletionProtection,
      unexportedLogTypes: unexportedLogTypes(row, props.logExports),
      fixedAvailabilityZone: false,
    });
    acknowledgeGroupRules(this.securityGroup);
    if (settings.proxy) {
      this.proxy = this.addProxy(props);
      keepEgressClosed(this.securityGroup);
    }
    // Added after the proxy, whose rule on this security group it covers too.
    acknowledgeGroupRules(this.securityGroup);

    this.replicas = (props.replicas ?? []).map(
      (replica, index) =>
        new RdsReadReplica(this, `Replica${index + 1}`, {
          ...props,
          parameters: undefined,
          alarms: undefined,
          removalPolicy: props.removalPolicy === RemovalPolicy.RETAIN ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
          allocatedStorageGiB,
          ...replica,
          source: this.instance,
        }),
    );
  }

  /** An RDS Proxy: clients must use TLS and IAM authentication; the proxy logs in with the master secret. */
  private addProxy(props: RdsDatabaseProps): rds.DatabaseProxy {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'ProxyRole', { assumedBy: new iam.ServicePrincipal('rds.amazonaws.com') });
    // The secret is encrypted with the customer key, named by alias: allow decrypting through Secrets Manager only.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [`arn:${stack.partition}:kms:${stack.region}:${stack.account}:key/*`],
        conditions: {
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': aliasName(props.encryptionKey.keyArn) },
          StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` },
        },
      }),
    );
    const proxy = new rds.DatabaseProxy(this, 'Proxy', {
      proxyTarget: rds.ProxyTarget.fromInstance(this.instance),
      secrets: [this.masterSecret],
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [this.securityGroup],
      requireTLS: true,
      iamAuth: true,
      role,
      dbProxyName: props.identifier,
    });
    acknowledge(role.node.findChild('DefaultPolicy'), {
      [`AwsSolutions-IAM5[Resource::arn:${stack.partition}:kms:${stack.region}:${stack.account}:key/*]`]:
        'the key is named by alias, so its id is unknown at synth; kms:ResourceAliases and kms:ViaService limit it to this alias through Secrets Manager',
      'HIPAA.Security-IAMNoInlinePolicy': "the proxy role's own policy, created with the role and attached to nothing else",
    });
    return proxy;
  }
}

/**
 * The proxy reaches the database through the group it shares with it: CDK renders that rule as a separate egress
 * resource (the group refers to itself) and drops the group's inline "no traffic" rule, and a group created with no
 * inline egress gets EC2's default allow-all egress. Restating the no-traffic rule inline keeps egress to the proxy's
 * rule alone (the same rule CDK renders for `allowAllOutbound: false`).
 */
function keepEgressClosed(securityGroup: ec2.SecurityGroup): void {
  (securityGroup.node.defaultChild as ec2.CfnSecurityGroup).addPropertyOverride('SecurityGroupEgress', [
    { CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 },
  ]);
}

/** `alias/x` of an alias ARN; a key ARN stays as it is. */
function aliasName(arn: string): string {
  const match = /:(alias\/.+)$/.exec(arn);
  return match ? match[1] : arn;
}

/**
 * The checks' settings from the props, defaults applied (the instance is built from them): what a platform team
 * composing the construct directly could get wrong, checked as the config loader checks the config.
 */
function validate(path: string, props: RdsDatabaseProps): RdsInstanceSettings {
  const settings: RdsInstanceSettings = {
    identifier: props.identifier,
    engine: props.engine,
    engineVersion: props.engineVersion,
    instanceClass: props.instanceClass,
    region: Stack.of(props.vpc).region,
    allocatedStorageGiB: props.allocatedStorageGiB ?? RDS_DEFAULTS.allocatedStorageGiB,
    maxAllocatedStorageGiB: props.maxAllocatedStorageGiB,
    backupRetentionDays: props.backupRetentionDays ?? RDS_DEFAULTS.backupRetentionDays,
    allowedCidrs: props.allowedCidrs ?? [],
    multiAz: props.multiAz ?? RDS_DEFAULTS.multiAz,
    licenseModel: props.licenseModel,
    ...rdsWindows(props),
    parameters: props.parameterOverrides ?? {},
    replicas: (props.replicas ?? []).map((replica) => ({ region: Stack.of(props.vpc).region, instanceClass: replica.instanceClass ?? props.instanceClass })),
    proxy: props.proxy ?? RDS_DEFAULTS.proxy,
    backupReplicationRegion: props.backupReplication?.region,
    databaseName: props.databaseName,
    port: props.port,
  };
  const problems = rdsInstanceProblems(settings);
  if (problems.length > 0) throw new DatabaseValidationError('RdsDatabase', path, problems);
  return settings;
}
