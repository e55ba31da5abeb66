/**
 * An Aurora PostgreSQL or MySQL cluster with safe defaults: a writer and readers spread over the zones with promotion
 * tiers (provisioned or Serverless v2), encrypted with a customer key, private, TLS enforced and audit logging in a
 * custom cluster parameter group, tuned instance parameter group, IAM authentication, generated and rotated master
 * password, Performance Insights, Enhanced Monitoring, encrypted log exports, alarms, deletion protection.
 *
 * `global` makes it part of an Aurora global database (aws-cdk-lib has no L2 for it): the primary creates the
 * AWS::RDS::GlobalCluster from itself; a secondary, in a stack of its own region, joins it by identifier and carries
 * no credentials or database name (they replicate from the primary).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeAuroraClusterDesign, unexportedLogTypes } from '../foundation/compliance-acknowledgements';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { rdsInstanceSize, type RdsInstanceClass } from '../../common/instance-catalog';
import { auroraAlarmDefinitions } from './tables/aurora-alarm-definitions';
import { cdkClusterEngine } from './aurora-cdk-engine';
import { AuroraClusterSettings, auroraClusterProblems, AuroraServerlessV2Settings } from './tables/aurora-cluster-checks';
import { AURORA_ENGINE_TABLE, AuroraEngine, auroraPromotionTier } from './tables/aurora-engine-table';
import { auroraConnectionMemoryGiB, auroraMaxConnections, auroraParameters } from './tables/aurora-parameters';
import type { CloudWatchAlarmDefinition } from '../rds/tables/rds-alarm-definitions';
import { logKey, type RdsInstanceBaseProps } from '../rds/rds-instance-base';
import { RdsAlarms } from '../rds/rds-alarms';
import { RdsLogGroups } from '../rds/rds-log-groups';
import { RDS_DEFAULTS, rdsWindows } from '../rds/tables/rds-defaults';
import { DEFAULT_DATABASE_REMOVAL_POLICY, keepUnlessDestroyed } from '../foundation/removal';

export interface AuroraInstanceOptions {
  /** DB instance identifier. */
  readonly identifier: string;
  /** @default - the instance's position (writer 0, readers 1, 2, … up to 15) */
  readonly promotionTier?: number;
  /** @default - chosen by RDS */
  readonly availabilityZone?: string;
  /** @default - the Aurora alarm catalog's rows for this instance */
  readonly alarms?: readonly CloudWatchAlarmDefinition[];
}

/** Shared with RDS instances, same meaning and defaults (rds-instance-base.ts), including the log groups' key (logEncryptionKey, else encryptionKey when it is a key). */
type SharedWithRds = Pick<
  RdsInstanceBaseProps,
  | 'vpc'
  | 'subnets'
  | 'encryptionKey'
  | 'logEncryptionKey'
  | 'alarmTopic'
  | 'port'
  | 'allowedCidrs'
  | 'allowedSecurityGroupIds'
  | 'slowQueryThresholdMs'
  | 'deletionProtection'
  | 'preferredMaintenanceWindow'
  | 'databaseInsightsMode'
  | 'performanceInsightsRetentionDays'
  | 'monitoringIntervalSeconds'
  | 'logExports'
  | 'logRetentionDays'
>;

export interface AuroraClusterProps extends SharedWithRds {
  /** DB cluster identifier: 1–63 lowercase letters, digits and hyphens, starting with a letter. */
  readonly clusterIdentifier: string;
  readonly engine: AuroraEngine;
  /** Full version from the Aurora engine table, e.g. `16.9` or `8.0.mysql_aurora.3.10.1`. */
  readonly engineVersion: string;
  /** Provisioned class of every instance (e.g. `db.r7g.large`); give this or `serverlessV2`. @default - none */
  readonly instanceClass?: RdsInstanceClass;
  /** Serverless v2 capacity of every instance; give this or `instanceClass`. @default - none */
  readonly serverlessV2?: AuroraServerlessV2Settings;
  /** The writer first, then the readers (≤ 15). A secondary cluster's instances are all readers. */
  readonly instances: readonly AuroraInstanceOptions[];
  /** The whole cluster parameter set. @default - TLS and audit (auroraParameters) */
  readonly clusterParameters?: Readonly<Record<string, string>>;
  /** The whole instance parameter set. @default - tuned for the class or Serverless v2 (auroraParameters) */
  readonly instanceParameters?: Readonly<Record<string, string>>;
  /** @default - the catalog's cluster-level rows */
  readonly clusterAlarms?: readonly CloudWatchAlarmDefinition[];
  /** @default RemovalPolicy.SNAPSHOT */
  readonly removalPolicy?: RemovalPolicy;
  /** 1–35 days; also the point-in-time recovery window. @default 7 */
  readonly backupRetentionDays?: number;
  /** @default '02:00-03:00' */
  readonly preferredBackupWindow?: string;
  /** Aurora MySQL only. @default - off */
  readonly backtrackHours?: number;
  /** Initial database (primary only). @default - none */
  readonly databaseName?: string;
  /** @default 'rds-managed' */
  readonly credentials?: 'rds-managed' | 'secrets-manager';
  /** @default 30 */
  readonly passwordRotationDays?: number;
  /** Part of a global database, as its primary (creates the global cluster) or as a secondary (joins it). @default - a regional cluster */
  readonly global?: { readonly role: 'primary' | 'secondary'; readonly globalClusterIdentifier: string };
}

export class AuroraCluster extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly clusterParameterGroup: rds.ParameterGroup;
  readonly instanceParameterGroup: rds.ParameterGroup;
  readonly securityGroup: ec2.SecurityGroup;
  /** The port clients connect to (the security group opens it). */
  readonly port: number;
  /** The master secret: generated (`secrets-manager`) or managed by RDS (`rds-managed`); none on a secondary cluster. */
  readonly masterSecret?: secretsmanager.ISecret;
  readonly globalCluster?: rds.CfnGlobalCluster;
  readonly alarms: readonly RdsAlarms[];

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    const secondary = props.global?.role === 'secondary';
    const settings = validate(this.node.path, props);
    const row = AURORA_ENGINE_TABLE[props.engine];
    const engine = cdkClusterEngine(props.engine, props.engineVersion);
    const family = row.familyOf(row.majorOf(props.engineVersion));
    const removalPolicy = props.removalPolicy ?? DEFAULT_DATABASE_REMOVAL_POLICY;
    const deletionProtection = props.deletionProtection ?? RDS_DEFAULTS.deletionProtection;
    const size = props.instanceClass === undefined ? undefined : rdsInstanceSize(props.instanceClass);
    const tuned = auroraParameters({
      engine: props.engine,
      memoryGiB: size?.memoryGiB,
      vcpus: size?.vcpus,
      slowQueryThresholdMs: props.slowQueryThresholdMs ?? RDS_DEFAULTS.slowQueryThresholdMs,
    });
    const clusterParameters = props.clusterParameters ?? tuned.cluster;
    const instanceParameters = props.instanceParameters ?? tuned.instance;

    // Stable ids: a major upgrade changes the family, which replaces these groups, never the cluster.
    this.clusterParameterGroup = new rds.ParameterGroup(this, 'ClusterParameters', {
      engine,
      description: `${props.clusterIdentifier} cluster (${family})`,
      parameters: { ...clusterParameters },
      removalPolicy: keepUnlessDestroyed(removalPolicy),
    });
    this.instanceParameterGroup = new rds.ParameterGroup(this, 'InstanceParameters', {
      engine,
      description: `${props.clusterIdentifier} instances (${family})`,
      parameters: { ...instanceParameters },
      removalPolicy: keepUnlessDestroyed(removalPolicy),
    });

    const port = props.port ?? row.defaultPort;
    this.port = port;
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Clients of ${props.clusterIdentifier}`,
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedCidrs ?? [])
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `${row.displayName} clients in ${cidr}`);
    for (const groupId of props.allowedSecurityGroupIds ?? [])
      this.securityGroup.addIngressRule(ec2.Peer.securityGroupId(groupId), ec2.Port.tcp(port), `${row.displayName} clients in ${groupId}`);

    const logTypes = props.logExports ?? row.logExports;
    const logGroups = new RdsLogGroups(this, 'Logs', {
      identifier: props.clusterIdentifier,
      logTypes,
      retentionDays: props.logRetentionDays ?? RDS_DEFAULTS.logRetentionDays,
      encryptionKey: logKey(this, { identifier: props.clusterIdentifier, encryptionKey: props.encryptionKey, logEncryptionKey: props.logEncryptionKey }),
      removalPolicy,
      resource: 'cluster',
    });

    const performanceInsightsRetention = (props.performanceInsightsRetentionDays ??
      RDS_DEFAULTS.performanceInsightsRetentionDays) as rds.PerformanceInsightRetention;
    const instanceOptions = (options: AuroraInstanceOptions, index: number) => ({
      // The same Performance Insights settings as the cluster's: CDK warns when an instance leaves them unset.
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.encryptionKey,
      performanceInsightRetention: performanceInsightsRetention,
      instanceIdentifier: options.identifier,
      publiclyAccessible: false,
      availabilityZone: options.availabilityZone,
      parameterGroup: this.instanceParameterGroup,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      autoMinorVersionUpgrade: true,
      allowMajorVersionUpgrade: true,
      preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
      ...(index === 0 ? {} : { promotionTier: options.promotionTier ?? auroraPromotionTier(index) }),
    });
    const instance = (options: AuroraInstanceOptions, index: number): rds.IClusterInstance => {
      const id = index === 0 ? 'Writer' : `Reader${index}`;
      if (props.serverlessV2) {
        return rds.ClusterInstance.serverlessV2(id, { ...instanceOptions(options, index), ...(index === 0 ? {} : { scaleWithWriter: index === 1 }) });
      }
      return rds.ClusterInstance.provisioned(id, {
        ...instanceOptions(options, index),
        instanceType: new ec2.InstanceType(props.instanceClass!.replace(/^db\./, '')),
      });
    };
    const [writer, ...readers] = props.instances;

    const generated =
      !secondary && props.credentials === 'secrets-manager'
        ? new rds.DatabaseSecret(this, 'MasterSecret', {
            username: RDS_DEFAULTS.masterUsername,
            secretName: `${props.clusterIdentifier}/master`,
            encryptionKey: props.encryptionKey,
          })
        : undefined;
    generated?.applyRemovalPolicy(keepUnlessDestroyed(removalPolicy));

    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine,
      clusterIdentifier: props.clusterIdentifier,
      writer: instance(writer, 0),
      readers: readers.map((reader, i) => instance(reader, i + 1)),
      ...(props.serverlessV2
        ? {
            serverlessV2MinCapacity: props.serverlessV2.minCapacity,
            serverlessV2MaxCapacity: props.serverlessV2.maxCapacity,
            serverlessV2AutoPauseDuration:
              props.serverlessV2.autoPauseMinutes === undefined ? undefined : Duration.minutes(props.serverlessV2.autoPauseMinutes),
          }
        : {}),
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [this.securityGroup],
      port,
      parameterGroup: this.clusterParameterGroup,
      credentials: generated
        ? rds.Credentials.fromSecret(generated)
        : rds.Credentials.fromUsername(RDS_DEFAULTS.masterUsername, { encryptionKey: props.encryptionKey }),
      manageMasterUserPassword: !generated,
      defaultDatabaseName: secondary ? undefined : props.databaseName,
      storageEncrypted: true,
      storageEncryptionKey: props.encryptionKey,
      iamAuthentication: true,
      backup: { retention: Duration.days(settings.backupRetentionDays), preferredWindow: settings.preferredBackupWindow },
      backtrackWindow: props.backtrackHours === undefined ? undefined : Duration.hours(props.backtrackHours),
      preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
      deletionProtection,
      removalPolicy,
      deleteAutomatedBackups: removalPolicy === RemovalPolicy.DESTROY,
      copyTagsToSnapshot: true,
      cloudwatchLogsExports: [...logTypes],
      monitoringInterval: Duration.seconds(props.monitoringIntervalSeconds ?? RDS_DEFAULTS.monitoringIntervalSeconds),
      enableClusterLevelEnhancedMonitoring: true,
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: props.encryptionKey,
      performanceInsightRetention: performanceInsightsRetention,
      databaseInsightsMode: props.databaseInsightsMode === 'advanced' ? rds.DatabaseInsightsMode.ADVANCED : rds.DatabaseInsightsMode.STANDARD,
      autoMinorVersionUpgrade: true,
    });
    const cfn = this.cluster.node.defaultChild as rds.CfnDBCluster;
    acknowledgeAuroraClusterDesign(this.cluster, {
      defaultPort: port === row.defaultPort,
      deletionProtection,
      unexportedLogTypes: unexportedLogTypes(row, logTypes),
      backtrackOff: row.engine === 'aurora-mysql' && props.backtrackHours === undefined,
      instances: props.instances.map((options, index) => ({
        id: index === 0 ? 'Writer' : `Reader${index}`,
        fixedAvailabilityZone: options.availabilityZone !== undefined,
      })),
    });
    // A major version change upgrades this cluster in place: CloudFormation modifies EngineVersion together with the
    // parameter groups of the new family (AWS::RDS::DBCluster has no AllowMajorVersionUpgrade; instances do).
    for (const group of logGroups.byType.values()) this.cluster.node.addDependency(group);

    if (generated) this.masterSecret = this.cluster.secret!;
    else if (!secondary) {
      // RDS keeps this secret (encrypted with the key) and rotates it every 7 days.
      this.masterSecret = secretsmanager.Secret.fromSecretCompleteArn(this, 'ManagedMasterSecret', cfn.attrMasterUserSecretSecretArn);
    }
    if (generated) {
      this.cluster.addRotationSingleUser({ automaticallyAfter: Duration.days(props.passwordRotationDays ?? RDS_DEFAULTS.passwordRotationDays) });
    }
    if (props.global?.role === 'primary') {
      this.globalCluster = new rds.CfnGlobalCluster(this, 'GlobalCluster', {
        globalClusterIdentifier: props.global.globalClusterIdentifier,
        sourceDbClusterIdentifier: this.cluster.clusterArn,
        deletionProtection,
      });
      this.globalCluster.applyRemovalPolicy(keepUnlessDestroyed(removalPolicy));
    }
    if (secondary) {
      // A secondary replicates users and data from the primary: it must not set credentials or a database name.
      cfn.globalClusterIdentifier = props.global!.globalClusterIdentifier;
      for (const property of ['MasterUsername', 'MasterUserPassword', 'ManageMasterUserPassword', 'MasterUserSecret', 'DatabaseName', 'BacktrackWindow']) {
        cfn.addPropertyDeletionOverride(property);
      }
    }

    const serverless = props.serverlessV2 !== undefined;
    const context = {
      parameterFamily: row.parameterFamily,
      memoryGiB: size?.memoryGiB,
      maxConnections: auroraMaxConnections(auroraConnectionMemoryGiB(size?.memoryGiB, props.serverlessV2), instanceParameters),
      serverless,
    } as const;
    const alarms = (alarmId: string, identifier: string, definitions: readonly CloudWatchAlarmDefinition[]) =>
      new RdsAlarms(this, alarmId, { identifier, definitions, topic: props.alarmTopic, logGroups: logGroups.byType });
    this.alarms = [
      alarms(
        'ClusterAlarms',
        props.clusterIdentifier,
        props.clusterAlarms ?? auroraAlarmDefinitions(props.clusterIdentifier, { ...context, role: secondary ? 'secondary-cluster' : 'primary-cluster' }),
      ),
      ...props.instances.map((options, index) =>
        alarms(
          index === 0 ? 'WriterAlarms' : `Reader${index}Alarms`,
          options.identifier,
          options.alarms ?? auroraAlarmDefinitions(options.identifier, { ...context, role: !secondary && index === 0 ? 'writer' : 'reader' }),
        ),
      ),
    ];
  }
}

/**
 * The checks' settings from the props, defaults applied (the cluster is built from them): what a platform team
 * composing the construct directly could get wrong, checked as the config loader checks the config.
 */
function validate(path: string, props: AuroraClusterProps): AuroraClusterSettings {
  const settings: AuroraClusterSettings = {
    identifier: props.clusterIdentifier,
    engine: props.engine,
    version: props.engineVersion,
    region: Stack.of(props.vpc).region,
    instanceClass: props.instanceClass,
    serverlessV2: props.serverlessV2,
    readers: props.instances.length - 1,
    backupRetentionDays: props.backupRetentionDays ?? RDS_DEFAULTS.backupRetentionDays,
    ...rdsWindows(props),
    backtrackHours: props.backtrackHours,
    allowedCidrs: props.allowedCidrs ?? [],
    parameters: {},
    instanceParameters: {},
    secondaryRegions: [],
    // A secondary cluster takes no database name: it replicates the primary's.
    databaseName: props.global?.role === 'secondary' ? undefined : props.databaseName,
  };
  const problems = auroraClusterProblems(settings);
  if (props.instances.length === 0)
    problems.push({
      path: ['instances'],
      value: 0,
      message: 'must list at least one instance (the writer, or a reader of a secondary cluster)',
      fix: 'add an instance',
    });
  if (props.backtrackHours !== undefined && props.global)
    problems.push({
      path: ['backtrackHours'],
      value: props.backtrackHours,
      message: 'backtrack is not available on a cluster in a global database',
      fix: 'remove backtrackHours or global',
    });
  if (problems.length > 0) throw new DatabaseValidationError('AuroraCluster', path, problems);
  return settings;
}
