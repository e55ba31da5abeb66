import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CloudWatchAlarmDefinition, rdsAlarmDefinitions } from './rds-alarm-definitions';
import { RDS_ENGINE_TABLE } from './rds-engine-table';
import { rdsInstanceProblems } from './rds-instance-checks';
import { rdsParameters } from './rds-parameters';

/** How aws-cdk-lib names each engine of our table (rds-engine-table.ts). */
const CDK_ENGINES: Readonly<Record<string, (version: string, major: string) => rds.IInstanceEngine>> = {
  postgres: (version, major) => rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.of(version, major) }),
};

export interface RdsDatabaseProps {
  /** DB instance identifier: 1–63 lowercase letters, digits and hyphens, starting with a letter. */
  readonly identifier: string;
  /** Engine name from the engine table, e.g. `postgres`. */
  readonly engine: string;
  /** Full engine version from the engine table, e.g. `17.6`. */
  readonly engineVersion: string;
  /** Instance class from the instance catalog, e.g. `db.r7g.large`. */
  readonly instanceClass: string;
  readonly vpc: ec2.IVpc;
  /** Private subnets only: the instance is never publicly accessible. */
  readonly subnets: ec2.SubnetSelection;
  /** Customer-managed key for storage and the master secret. An alias works, also across stacks. */
  readonly encryptionKey: kms.IKey;
  /** Alarm and OK actions. @default - alarms without actions, with a synth warning */
  readonly alarmTopic?: sns.ITopic;
  /** @default 20 */
  readonly allocatedStorageGiB?: number;
  /** Storage autoscaling limit. @default - no autoscaling */
  readonly maxAllocatedStorageGiB?: number;
  /** @default true */
  readonly multiAz?: boolean;
  /** Automated backup retention, 0–35 days; also the point-in-time recovery window. @default 7 */
  readonly backupRetentionDays?: number;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** @default RemovalPolicy.SNAPSHOT */
  readonly removalPolicy?: RemovalPolicy;
  /** @default - the engine's default port */
  readonly port?: number;
  /** Initial database. @default - none */
  readonly databaseName?: string;
  /** CIDR blocks allowed to connect on the database port. @default - none */
  readonly allowedCidrs?: readonly string[];
  /** Parameter group parameters. @default - tuned from the instance class, TLS enforced (see rdsParameters) */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Slow-query threshold used by the default parameters. @default 1000 */
  readonly slowQueryThresholdMs?: number;
  /** @default - the alarm catalog for this identifier and storage (see rdsAlarmDefinitions) */
  readonly alarms?: readonly CloudWatchAlarmDefinition[];
  /** @default - the engine's log types */
  readonly logExports?: readonly string[];
}

/**
 * An RDS DB instance with safe defaults: encrypted with a customer key, private, TLS enforced, tuned parameter group,
 * backups with point-in-time recovery, deletion protection, master password generated in Secrets Manager, alarms.
 */
export class RdsDatabase extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly parameterGroup: rds.ParameterGroup;
  readonly securityGroup: ec2.SecurityGroup;
  /** Master user credentials, generated and encrypted with the customer key. */
  readonly masterSecret: rds.DatabaseSecret;
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: RdsDatabaseProps) {
    super(scope, id);
    const { row, allocatedStorageGiB, backupRetentionDays } = validate(this.node.path, props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.SNAPSHOT;
    const major = row.majorOf(props.engineVersion);
    const engine = CDK_ENGINES[row.engine](props.engineVersion, major);
    const port = props.port ?? row.defaultPort;

    this.parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine,
      description: `${props.identifier} (${row.familyOf(major)})`,
      parameters: {
        ...(props.parameters ??
          rdsParameters({ engine: row.engine, instanceClass: props.instanceClass, slowQueryThresholdMs: props.slowQueryThresholdMs ?? 1000 })),
      },
      // A retained database keeps its parameter group: deleting it would break the instance's next modification.
      removalPolicy: removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });

    this.masterSecret = new rds.DatabaseSecret(this, 'MasterSecret', {
      username: 'dbadmin',
      secretName: `${props.identifier}/master`,
      encryptionKey: props.encryptionKey,
    });
    // The master secret must outlive a retained or snapshotted database, or nobody can log in after a restore.
    this.masterSecret.applyRemovalPolicy(removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Clients of ${props.identifier}`,
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedCidrs ?? []) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `${row.displayName} clients in ${cidr}`);
    }

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier: props.identifier,
      engine,
      instanceType: new ec2.InstanceType(props.instanceClass.replace(/^db\./, '')),
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [this.securityGroup],
      publiclyAccessible: false,
      port,
      databaseName: props.databaseName,
      credentials: rds.Credentials.fromSecret(this.masterSecret),
      iamAuthentication: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: allocatedStorageGiB,
      maxAllocatedStorage: props.maxAllocatedStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: props.encryptionKey,
      multiAz: props.multiAz ?? true,
      backupRetention: Duration.days(backupRetentionDays),
      copyTagsToSnapshot: true,
      // Keep automated backups after the instance is deleted, unless it is meant to be thrown away.
      deleteAutomatedBackups: removalPolicy === RemovalPolicy.DESTROY,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy,
      parameterGroup: this.parameterGroup,
      cloudwatchLogsExports: [...(props.logExports ?? row.logExports)],
      autoMinorVersionUpgrade: true,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
    });

    const definitions = props.alarms ?? rdsAlarmDefinitions(props.identifier, allocatedStorageGiB);
    if (!props.alarmTopic && definitions.length > 0) {
      Annotations.of(this).addWarningV2('databases:alarms-without-actions', `${props.identifier}: alarms have no action; pass alarmTopic so someone is notified`);
    }
    this.alarms = definitions.map((definition) => this.alarm(definition, props.alarmTopic));
  }

  private alarm(definition: CloudWatchAlarmDefinition, topic: sns.ITopic | undefined): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, `Alarm-${definition.id}`, {
      alarmName: definition.alarmName,
      alarmDescription: definition.description,
      metric: new cloudwatch.Metric({
        namespace: definition.namespace,
        metricName: definition.metricName,
        dimensionsMap: { ...definition.dimensions },
        statistic: definition.statistic,
        period: Duration.seconds(definition.periodSeconds),
      }),
      threshold: definition.threshold,
      comparisonOperator:
        definition.comparison === 'GreaterThanThreshold'
          ? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD
          : cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: definition.evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    if (topic) {
      alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
      alarm.addOkAction(new cloudwatchActions.SnsAction(topic));
    }
    return alarm;
  }
}

/** Checks what a platform team composing the construct directly could get wrong; the config loader runs the same. */
function validate(path: string, props: RdsDatabaseProps) {
  const allocatedStorageGiB = props.allocatedStorageGiB ?? 20;
  const backupRetentionDays = props.backupRetentionDays ?? 7;
  const problems = rdsInstanceProblems({
    identifier: props.identifier,
    engine: props.engine,
    engineVersion: props.engineVersion,
    instanceClass: props.instanceClass,
    allocatedStorageGiB,
    maxAllocatedStorageGiB: props.maxAllocatedStorageGiB,
    backupRetentionDays,
    allowedCidrs: props.allowedCidrs ?? [],
  });
  const row = RDS_ENGINE_TABLE[props.engine];
  if (problems.length > 0 || !row) {
    const lines = problems.map((p) => `  - ${p.field}${p.index === undefined ? '' : `[${p.index}]`} = ${JSON.stringify(p.value)}: ${p.message}. Fix: ${p.fix}`);
    throw new Error(`Invalid RdsDatabase ${path}:\n${lines.join('\n')}`);
  }
  return { row, allocatedStorageGiB, backupRetentionDays };
}
