import { Annotations, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { createDynamoDbAlarm } from './dynamodb-alarm';
import { DynamoDbAlarmDefinition, dynamodbTableAlarmDefinitions } from './tables/dynamodb-alarm-definitions';
import {
  AutoscaledCapacitySettings,
  DynamodbBillingSettings,
  DynamodbKeySettings,
  DynamodbProjection,
  dynamodbReplicaPlacementProblems,
  DynamodbStreamView,
  dynamodbTableProblems,
  DynamodbTableSettings,
  GlobalSecondaryIndexSettings,
  LocalSecondaryIndexSettings,
} from './tables/dynamodb-table-checks';
import { DYNAMODB_DEFAULTS } from './tables/dynamodb-defaults';

/** DynamoDB has no snapshot on removal: a table is kept unless it is meant to be thrown away. */
const DEFAULT_REMOVAL_POLICY = RemovalPolicy.RETAIN;

/** A replica in another region, encrypted with that region's own key. */
export interface DynamoDbReplicaProps {
  readonly region: string;
  /**
   * ARN of the replica region's customer-managed key. A deterministic alias ARN
   * (`arn:aws:kms:<region>:<account>:alias/<name>`) names it without a cross-region reference.
   */
  readonly encryptionKeyArn: string;
  /**
   * Deny plain-HTTP requests on this replica with a resource policy. CloudFormation cannot attach a policy to a
   * replica in the update that creates it: turn this on in a later change. @default false
   */
  readonly enforceTls?: boolean;
}

export interface DynamoDbGlobalTableProps {
  readonly tableName: string;
  readonly partitionKey: DynamodbKeySettings;
  /** @default - none: items are keyed by the partition key alone */
  readonly sortKey?: DynamodbKeySettings;
  /** At most 20. @default - none */
  readonly globalSecondaryIndexes?: readonly GlobalSecondaryIndexSettings[];
  /** At most 5, only with a sort key, only when the table is created. @default - none */
  readonly localSecondaryIndexes?: readonly LocalSecondaryIndexSettings[];
  /** @default - on-demand without throughput ceilings */
  readonly billing?: DynamodbBillingSettings;
  /** @default 'standard' */
  readonly tableClass?: 'standard' | 'standard-infrequent-access';
  /** @default - no time to live */
  readonly timeToLiveAttribute?: string;
  /** @default - no stream without replicas; new-and-old-images with replicas */
  readonly stream?: DynamodbStreamView;
  /** Customer-managed key of the table's (the stack's) region. An alias works. */
  readonly encryptionKey: kms.IKey;
  /** @default - none: a single-region table */
  readonly replicas?: readonly DynamoDbReplicaProps[];
  /** On the table and every replica. @default true */
  readonly pointInTimeRecovery?: boolean;
  /** 1–35. @default 35 when point-in-time recovery is on */
  readonly pointInTimeRecoveryDays?: number;
  /** On the table and every replica. @default true */
  readonly deletionProtection?: boolean;
  /** CloudWatch Contributor Insights on the table and every replica. @default true */
  readonly contributorInsights?: boolean;
  /** 'strong' needs exactly 3 regions, or 2 plus a witness region. @default 'eventual' */
  readonly multiRegionConsistency?: 'eventual' | 'strong';
  /** Witness region of a strongly consistent table with one replica. @default - none */
  readonly witnessRegion?: string;
  /**
   * Resource policy of the table in the stack's region. CloudFormation cannot add a policy to a replica in the same
   * update that creates the replica, so replica policies belong in a later change. @default - none
   */
  readonly resourcePolicy?: iam.PolicyDocument;
  /** Deny plain-HTTP requests (DynamoDB endpoints accept HTTP and HTTPS) on the table in the stack's region. @default true */
  readonly enforceTls?: boolean;
  /** RETAIN or DESTROY (DynamoDB has no snapshot on removal); replicas go with the table. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Alarm and OK actions. @default - alarms without actions, with a synth warning */
  readonly alarmTopic?: sns.ITopic;
  /** @default - the DynamoDB alarm table for this table (see dynamodbTableAlarmDefinitions) */
  readonly alarms?: readonly DynamoDbAlarmDefinition[];
  /** A CloudWatch dashboard with a panel per alarm and the consumed capacity. @default - no dashboard */
  readonly dashboardName?: string;
}

const ATTRIBUTE_TYPES: Readonly<Record<DynamodbKeySettings['type'], dynamodb.AttributeType>> = {
  string: dynamodb.AttributeType.STRING,
  number: dynamodb.AttributeType.NUMBER,
  binary: dynamodb.AttributeType.BINARY,
};

const STREAM_VIEWS: Readonly<Record<DynamodbStreamView, dynamodb.StreamViewType>> = {
  'new-and-old-images': dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  'new-image': dynamodb.StreamViewType.NEW_IMAGE,
  'old-image': dynamodb.StreamViewType.OLD_IMAGE,
  'keys-only': dynamodb.StreamViewType.KEYS_ONLY,
};

const TABLE_CLASSES = {
  standard: dynamodb.TableClass.STANDARD,
  'standard-infrequent-access': dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS,
} as const;

const key = (settings: DynamodbKeySettings): dynamodb.Attribute => ({ name: settings.name, type: ATTRIBUTE_TYPES[settings.type] });

const autoscaled = (capacity: AutoscaledCapacitySettings) =>
  dynamodb.Capacity.autoscaled({
    minCapacity: capacity.min,
    maxCapacity: capacity.max,
    targetUtilizationPercent: capacity.targetUtilizationPercent ?? DYNAMODB_DEFAULTS.targetUtilizationPercent,
  });

function projection(value: DynamodbProjection = 'all'): Pick<dynamodb.SecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  if (value === 'all') return { projectionType: dynamodb.ProjectionType.ALL };
  if (value === 'keys-only') return { projectionType: dynamodb.ProjectionType.KEYS_ONLY };
  return { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...value.include] };
}

function billing(settings: DynamodbBillingSettings): dynamodb.Billing {
  return settings.mode === 'on-demand'
    ? dynamodb.Billing.onDemand({ maxReadRequestUnits: settings.maxReadRequestUnits, maxWriteRequestUnits: settings.maxWriteRequestUnits })
    : dynamodb.Billing.provisioned({ readCapacity: autoscaled(settings.readCapacity), writeCapacity: autoscaled(settings.writeCapacity) });
}

/**
 * A DynamoDB table on TableV2 (`AWS::DynamoDB::GlobalTable`) with safe defaults: every replica encrypted with its own
 * region's customer-managed key, point-in-time recovery, deletion protection and Contributor Insights on every
 * replica, plain HTTP refused, retained on removal, alarms (throttles, errors, p99 latency, replication latency per replica region,
 * capacity near the autoscaling maximum) and an optional dashboard.
 */
export class DynamoDbGlobalTable extends Construct {
  readonly table: dynamodb.TableV2;
  readonly alarms: readonly cloudwatch.Alarm[];
  readonly dashboard?: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DynamoDbGlobalTableProps) {
    super(scope, id);
    const settings = validate(this, props);
    const pitr = settings.pointInTimeRecovery;

    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: key(props.partitionKey),
      sortKey: props.sortKey && key(props.sortKey),
      billing: billing(settings.billing),
      tableClass: TABLE_CLASSES[props.tableClass ?? DYNAMODB_DEFAULTS.tableClass],
      timeToLiveAttribute: props.timeToLiveAttribute,
      dynamoStream: props.stream && STREAM_VIEWS[props.stream],
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(
        props.encryptionKey,
        Object.fromEntries((props.replicas ?? []).map((replica) => [replica.region, replica.encryptionKeyArn])),
      ),
      // Replicas inherit these table options: every replica gets the same protection.
      pointInTimeRecoverySpecification: pitr
        ? { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: settings.pointInTimeRecoveryDays }
        : { pointInTimeRecoveryEnabled: false },
      deletionProtection: props.deletionProtection ?? DYNAMODB_DEFAULTS.deletionProtection,
      contributorInsightsSpecification: { enabled: props.contributorInsights ?? DYNAMODB_DEFAULTS.contributorInsights },
      replicas: (props.replicas ?? []).map((replica) => ({
        region: replica.region,
        resourcePolicy: replica.enforceTls ? new iam.PolicyDocument({ statements: [denyInsecureTransport()] }) : undefined,
      })),
      multiRegionConsistency: settings.multiRegionConsistency === 'strong' ? dynamodb.MultiRegionConsistency.STRONG : undefined,
      witnessRegion: props.witnessRegion,
      globalSecondaryIndexes: settings.globalSecondaryIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: index.sortKey && key(index.sortKey),
        ...projection(index.projection),
        readCapacity: index.readCapacity && autoscaled(index.readCapacity),
        writeCapacity: index.writeCapacity && autoscaled(index.writeCapacity),
        maxReadRequestUnits: index.maxReadRequestUnits,
        maxWriteRequestUnits: index.maxWriteRequestUnits,
      })),
      localSecondaryIndexes: settings.localSecondaryIndexes.map((index) => ({
        indexName: index.name,
        sortKey: key(index.sortKey),
        ...projection(index.projection),
      })),
      resourcePolicy: props.resourcePolicy,
      removalPolicy: props.removalPolicy ?? DEFAULT_REMOVAL_POLICY,
    });

    if (props.enforceTls ?? DYNAMODB_DEFAULTS.enforceTls) this.table.addToResourcePolicy(denyInsecureTransport());

    const definitions =
      props.alarms ??
      dynamodbTableAlarmDefinitions({
        tableName: props.tableName,
        replicaRegions: settings.replicaRegions,
        multiRegionConsistency: settings.multiRegionConsistency,
        billing: settings.billing,
      });
    if (!props.alarmTopic && definitions.length > 0) {
      Annotations.of(this).addWarningV2(
        'databases:alarms-without-actions',
        `${props.tableName}: alarms have no action; pass alarmTopic so someone is notified`,
      );
    }
    this.alarms = definitions.map((definition) => createDynamoDbAlarm(this, definition, props.alarmTopic));
    if (props.dashboardName) this.dashboard = this.createDashboard(props.dashboardName, definitions);
  }

  /** A panel per alarm (metric and threshold), then consumed capacity. */
  private createDashboard(dashboardName: string, definitions: readonly DynamoDbAlarmDefinition[]): cloudwatch.Dashboard {
    const panels: cloudwatch.IWidget[] = this.alarms.map((alarm, i) => new cloudwatch.AlarmWidget({ alarm, title: definitions[i].alarmName, width: 12 }));
    const consumed = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: this.table.tableName }, statistic: 'Sum' });
    panels.push(
      new cloudwatch.GraphWidget({
        title: 'Consumed capacity units (sum per period)',
        left: [consumed('ConsumedReadCapacityUnits'), consumed('ConsumedWriteCapacityUnits')],
        width: 24,
      }),
    );
    return new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName, widgets: [panels] });
  }
}

/** DynamoDB's endpoints answer plain HTTP too; this statement refuses it. */
function denyInsecureTransport(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DenyInsecureTransport',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['dynamodb:*'],
    resources: ['*'],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  });
}

/** Checks what a platform team composing the construct directly could get wrong; the config loader runs the same. */
function validate(scope: Construct, props: DynamoDbGlobalTableProps) {
  const region = Stack.of(scope).region;
  // Not a prop: the stack the table is placed in must name its region (replicas and keys are per region).
  if (Token.isUnresolved(region)) {
    throw new Error(
      `Invalid DynamoDbGlobalTable ${scope.node.path}:\n  - the stack has no explicit region: give the stack env.region (replicas and keys are per region)`,
    );
  }
  const removal = props.removalPolicy ?? DEFAULT_REMOVAL_POLICY;
  const removalProblems =
    removal === RemovalPolicy.RETAIN || removal === RemovalPolicy.DESTROY
      ? []
      : [{ path: ['removalPolicy'], value: removal, message: 'DynamoDB cannot snapshot a table on removal', fix: 'use RemovalPolicy.RETAIN or DESTROY' }];
  const pointInTimeRecovery = props.pointInTimeRecovery ?? DYNAMODB_DEFAULTS.pointInTimeRecovery;
  const settings: DynamodbTableSettings = {
    region,
    partitionKey: props.partitionKey,
    sortKey: props.sortKey,
    globalSecondaryIndexes: props.globalSecondaryIndexes ?? [],
    localSecondaryIndexes: props.localSecondaryIndexes ?? [],
    billing: props.billing ?? DYNAMODB_DEFAULTS.billing,
    stream: props.stream,
    pointInTimeRecovery,
    pointInTimeRecoveryDays: props.pointInTimeRecoveryDays ?? (pointInTimeRecovery ? DYNAMODB_DEFAULTS.pointInTimeRecoveryDays : undefined),
    replicaRegions: (props.replicas ?? []).map((replica) => replica.region),
    multiRegionConsistency: props.multiRegionConsistency ?? DYNAMODB_DEFAULTS.multiRegionConsistency,
    witnessRegion: props.witnessRegion,
  };
  // The checks speak in config field names; the construct takes replicas as { region, encryptionKeyArn }.
  const problems = [...removalProblems, ...dynamodbReplicaPlacementProblems(settings), ...dynamodbTableProblems(settings)].map((p) =>
    p.path[0] === 'replicaRegions' ? { ...p, path: ['replicas', p.path[1], 'region'] } : p,
  );
  if (problems.length > 0) throw new DatabaseValidationError('DynamoDbGlobalTable', scope.node.path, problems);
  return settings;
}
