/**
 * What a primary RDS instance and a read replica build the same way: engine, tuned parameter group, security group,
 * encrypted log groups, observability settings and alarms. RdsDatabase and RdsReadReplica compose these.
 */
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { rdsInstanceClass, type RdsInstanceClass } from '../../common/instance-catalog';
import { isCustomerManagedKey } from '../foundation/customer-key';
import type { RdsInstanceRole } from './tables/rds-alarm-catalog';
import { CloudWatchAlarmDefinition, rdsAlarmDefinitions } from './tables/rds-alarm-definitions';
import { RdsAlarms } from './rds-alarms';
import { cdkInstanceEngine } from './rds-cdk-engine';
import { RDS_ENGINE_TABLE, RdsEngineRow, rdsIamAuthentication, rdsPorts, type RdsEngine } from './tables/rds-engine-table';
import { RdsLogGroups } from './rds-log-groups';
import { keepUnlessDestroyed } from '../foundation/removal';
import { rdsMaxConnections, rdsParameters } from './tables/rds-parameters';
import { performanceInsightsByDefault, RDS_DEFAULTS, rdsWindows } from './tables/rds-defaults';

/** Props a primary and a replica share. */
export interface RdsInstanceBaseProps {
  /** DB instance identifier: 1–63 lowercase letters, digits and hyphens, starting with a letter. */
  readonly identifier: string;
  /** Engine from the engine table (constructs/aws/rds/tables/rds-engine-table.ts), e.g. `postgres`, `mysql`, `sqlserver-se`. */
  readonly engine: RdsEngine;
  /** Full engine version from the engine table, e.g. `17.6`. */
  readonly engineVersion: string;
  /** Instance class from the instance catalog, e.g. `db.r7g.large`. */
  readonly instanceClass: RdsInstanceClass;
  readonly vpc: ec2.IVpc;
  /** Private subnets only: the instance is never publicly accessible. */
  readonly subnets: ec2.SubnetSelection;
  /**
   * Customer-managed key for storage, Performance Insights and the master secret. An alias works (also across
   * stacks and regions): RDS and Secrets Manager accept alias ARNs.
   */
  readonly encryptionKey: kms.IKey;
  /**
   * Key of the exported log groups. CloudWatch Logs needs a key ARN, not an alias.
   * @default - `encryptionKey` when it is a key; when it is an alias, CloudWatch Logs' own encryption (with a synth warning)
   */
  readonly logEncryptionKey?: kms.IKey;
  /** Alarm and OK actions. @default - alarms without actions, with a synth warning */
  readonly alarmTopic?: sns.ITopic;
  /** @default - the engine's default port */
  readonly port?: number;
  /** CIDR blocks allowed to connect (never 0.0.0.0/0). @default - none */
  readonly allowedCidrs?: readonly string[];
  /** Security groups allowed to connect. @default - none */
  readonly allowedSecurityGroupIds?: readonly string[];
  /** The whole parameter set. @default - tuned from the class, TLS and audit on, `parameterOverrides` applied (rdsParameters) */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Overrides of the tuned parameters; a name the engine family lacks is an error. @default - none */
  readonly parameterOverrides?: Readonly<Record<string, string | number>>;
  /** Slow-query threshold of the tuned parameters. @default 1000 */
  readonly slowQueryThresholdMs?: number;
  /** @default - the alarm catalog's rows for this instance (rdsAlarmDefinitions), `alarmThresholds` applied */
  readonly alarms?: readonly CloudWatchAlarmDefinition[];
  /** Threshold overrides by alarm id, in the catalog's unit. @default - none */
  readonly alarmThresholds?: Readonly<Record<string, number>>;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** @default RemovalPolicy.SNAPSHOT (replicas: RemovalPolicy.DESTROY) */
  readonly removalPolicy?: RemovalPolicy;
  /** Weekly UTC window `ddd:hh24:mi-ddd:hh24:mi`. @default 'sun:04:00-sun:05:00' */
  readonly preferredMaintenanceWindow?: string;
  /** Performance Insights (Database Insights) with `encryptionKey`. @default - on, except on micro and small classes */
  readonly performanceInsights?: boolean;
  /** @default 'standard' */
  readonly databaseInsightsMode?: 'standard' | 'advanced';
  /** 7, a multiple of 31 up to 713, or 731; advanced mode needs 465. @default 7 */
  readonly performanceInsightsRetentionDays?: number;
  /** Enhanced Monitoring interval: 1, 5, 10, 15, 30 or 60 seconds. @default 60 */
  readonly monitoringIntervalSeconds?: number;
  /** @default - the engine's log types */
  readonly logExports?: readonly string[];
  /** Retention of the exported logs; a CloudWatch Logs retention value. @default 30 */
  readonly logRetentionDays?: number;
}

/** The pieces, ready for an instance to use. */
export interface RdsInstanceParts {
  readonly row: RdsEngineRow;
  readonly engine: rds.IInstanceEngine;
  readonly parameterGroup: rds.ParameterGroup;
  readonly parameters: Readonly<Record<string, string>>;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroups: RdsLogGroups;
  readonly clientPort: number;
  readonly deletionProtection: boolean;
  /** DatabaseInstance props common to primaries and replicas. */
  readonly instanceProps: rds.DatabaseInstanceNewProps & { readonly instanceType: ec2.InstanceType };
}

export function buildInstanceParts(scope: Construct, props: RdsInstanceBaseProps, removalPolicy: RemovalPolicy): RdsInstanceParts {
  const row = RDS_ENGINE_TABLE[props.engine];
  const engine = cdkInstanceEngine(props.engine, props.engineVersion);
  const { port, clientPort } = rdsPorts(row, props.port);
  const family = row.familyOf(row.majorOf(props.engineVersion));

  const parameters =
    props.parameters ??
    rdsParameters({
      engine: props.engine,
      instanceClass: props.instanceClass,
      slowQueryThresholdMs: props.slowQueryThresholdMs ?? RDS_DEFAULTS.slowQueryThresholdMs,
      overrides: props.parameterOverrides,
    });
  const parameterGroup = new rds.ParameterGroup(scope, 'Parameters', {
    engine,
    description: `${props.identifier} (${family})`,
    parameters: { ...parameters },
    // A retained database keeps its parameter group: deleting it would break the instance's next modification.
    removalPolicy: keepUnlessDestroyed(removalPolicy),
  });

  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc: props.vpc,
    description: `Clients of ${props.identifier}`,
    allowAllOutbound: false,
  });
  for (const cidr of props.allowedCidrs ?? []) {
    securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(clientPort), `${row.displayName} clients in ${cidr}`);
  }
  for (const groupId of props.allowedSecurityGroupIds ?? []) {
    securityGroup.addIngressRule(ec2.Peer.securityGroupId(groupId), ec2.Port.tcp(clientPort), `${row.displayName} clients in ${groupId}`);
  }

  const logTypes = props.logExports ?? row.logExports;
  const logGroups = new RdsLogGroups(scope, 'Logs', {
    identifier: props.identifier,
    logTypes,
    retentionDays: props.logRetentionDays ?? RDS_DEFAULTS.logRetentionDays,
    encryptionKey: logKey(scope, props),
    removalPolicy,
  });

  const performanceInsights = props.performanceInsights ?? performanceInsightsByDefault(props.instanceClass);
  const deletionProtection = props.deletionProtection ?? RDS_DEFAULTS.deletionProtection;
  const instanceProps = {
    instanceIdentifier: props.identifier,
    instanceType: new ec2.InstanceType(props.instanceClass.replace(/^db\./, '')),
    vpc: props.vpc,
    vpcSubnets: props.subnets,
    securityGroups: [securityGroup],
    publiclyAccessible: false,
    port,
    iamAuthentication: rdsIamAuthentication(row, props.engineVersion),
    storageType: rds.StorageType.GP3,
    deletionProtection,
    removalPolicy,
    parameterGroup,
    preferredMaintenanceWindow: rdsWindows(props).preferredMaintenanceWindow,
    cloudwatchLogsExports: [...logTypes],
    autoMinorVersionUpgrade: true,
    caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
    monitoringInterval: Duration.seconds(props.monitoringIntervalSeconds ?? RDS_DEFAULTS.monitoringIntervalSeconds),
    enablePerformanceInsights: performanceInsights,
    ...(performanceInsights
      ? {
          performanceInsightEncryptionKey: props.encryptionKey,
          performanceInsightRetention: (props.performanceInsightsRetentionDays ??
            RDS_DEFAULTS.performanceInsightsRetentionDays) as rds.PerformanceInsightRetention,
          databaseInsightsMode: props.databaseInsightsMode === 'advanced' ? rds.DatabaseInsightsMode.ADVANCED : rds.DatabaseInsightsMode.STANDARD,
        }
      : {}),
  };
  return { row, engine, parameterGroup, parameters, securityGroup, logGroups, clientPort, deletionProtection, instanceProps };
}

/** The log groups' key: the one given, else the database's own key when it is a key (CloudWatch Logs takes no alias). */
export function logKey(scope: Construct, props: Pick<RdsInstanceBaseProps, 'identifier' | 'encryptionKey' | 'logEncryptionKey'>): kms.IKey | undefined {
  if (props.logEncryptionKey) return props.logEncryptionKey;
  if (isCustomerManagedKey(props.encryptionKey)) return props.encryptionKey;
  Annotations.of(scope).addWarningV2(
    'databases:log-groups-without-key',
    `${props.identifier}: log groups use CloudWatch Logs' own encryption; pass logEncryptionKey (a key, not an alias) to use the customer key`,
  );
  return undefined;
}

/** Alarms for an instance; the log groups must exist first so RDS does not create them. */
export function addInstanceAlarms(
  scope: Construct,
  props: RdsInstanceBaseProps,
  parts: RdsInstanceParts,
  instance: rds.DatabaseInstanceBase,
  context: {
    readonly role: RdsInstanceRole;
    readonly allocatedStorageGiB: number;
  },
): RdsAlarms {
  for (const group of parts.logGroups.byType.values()) instance.node.addDependency(group);
  const info = rdsInstanceClass(props.instanceClass)!;
  const definitions =
    props.alarms ??
    rdsAlarmDefinitions(
      props.identifier,
      {
        role: context.role,
        parameterFamily: parts.row.parameterFamily,
        memoryGiB: info.memoryGiB,
        allocatedStorageGiB: context.allocatedStorageGiB,
        maxConnections: rdsMaxConnections(props.engine, info.memoryGiB, parts.parameters),
        cpuCreditsPerHour: info.cpuCreditsPerHour,
      },
      props.alarmThresholds,
    );
  return new RdsAlarms(scope, 'Alarms', { identifier: props.identifier, definitions, topic: props.alarmTopic, logGroups: parts.logGroups.byType });
}
