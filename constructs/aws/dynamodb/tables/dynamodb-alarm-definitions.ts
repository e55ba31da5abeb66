/**
 * CloudWatch alarm definitions for a DynamoDB table, as rows of a table (the shared catalog's cpu/storage signals do
 * not apply to DynamoDB). Pure data, no CDK import, so the plan and the inventory can use it.
 */
import type { AlarmSeverity } from '../../../common/alarm-catalog';
import type { DynamodbBillingSettings } from './dynamodb-table-checks';
import type { CloudWatchAlarmDefinition } from '../../rds/tables/rds-alarm-definitions';

/**
 * The RDS alarm definition, widened where DynamoDB needs it: its counters are sums, latency is a percentile, and
 * some metrics exist only per operation (read per operation and combined into one alarm).
 */
export interface DynamoDbAlarmDefinition extends Omit<CloudWatchAlarmDefinition, 'statistic'> {
  readonly statistic: CloudWatchAlarmDefinition['statistic'] | 'Sum' | 'p99';
  readonly acrossOperations?: { readonly operations: readonly string[]; readonly combine: 'SUM' | 'MAX' };
}

export interface DynamoDbAlarmInput {
  readonly tableName: string;
  readonly replicaRegions: readonly string[];
  readonly multiRegionConsistency: 'eventual' | 'strong';
  readonly billing: DynamodbBillingSettings;
}

interface DynamoDbAlarmRow {
  readonly id: string;
  readonly severity: AlarmSeverity;
  readonly metricName: string;
  readonly statistic: DynamoDbAlarmDefinition['statistic'];
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly runbook: string;
  /** One alarm per returned instance: none when the row does not apply to this table. */
  readonly expand: (
    input: DynamoDbAlarmInput,
    row: DynamoDbAlarmRow,
  ) => ReadonlyArray<Pick<DynamoDbAlarmDefinition, 'threshold' | 'description'> & Partial<DynamoDbAlarmDefinition>>;
}

/** Operations whose system errors we sum (a metric-math alarm reads at most 10 metrics). */
const WRITE_AND_READ_OPERATIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'];
/** Operations whose p99 latency we watch; the slowest of them raises the alarm. */
const LATENCY_OPERATIONS = ['GetItem', 'Query', 'PutItem', 'UpdateItem'];
/** Consumed capacity above this share of the autoscaling maximum means autoscaling is about to run out of room. */
const CAPACITY_WARNING_PERCENT = 80;

const once = (threshold: number, description: string) => [{ threshold, description }];

export const DYNAMODB_TABLE_ALARMS: readonly DynamoDbAlarmRow[] = [
  {
    id: 'read-throttles',
    severity: 'warning',
    metricName: 'ReadThrottleEvents',
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 2,
    runbook: 'Look for a hot partition key (Contributor Insights) or a max-throughput ceiling before raising capacity.',
    expand: (_input, row) => once(0, `reads are throttled. ${row.runbook}`),
  },
  {
    id: 'write-throttles',
    severity: 'warning',
    metricName: 'WriteThrottleEvents',
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 2,
    runbook: 'Look for a hot partition key (Contributor Insights) or a max-throughput ceiling before raising capacity.',
    expand: (_input, row) => once(0, `writes are throttled. ${row.runbook}`),
  },
  {
    id: 'system-errors',
    severity: 'critical',
    metricName: 'SystemErrors',
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'DynamoDB answers with HTTP 500: check the AWS Health Dashboard for the region; clients must retry with backoff.',
    expand: (_input, row) => [
      {
        threshold: 0,
        description: `server errors for 15 minutes. ${row.runbook}`,
        acrossOperations: { operations: WRITE_AND_READ_OPERATIONS, combine: 'SUM' },
      },
    ],
  },
  {
    id: 'latency-p99',
    severity: 'warning',
    metricName: 'SuccessfulRequestLatency',
    statistic: 'p99',
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'Check item sizes, scans and large queries; latency is measured inside DynamoDB, not at the client.',
    expand: (_input, row) => [
      {
        threshold: 100,
        description: `p99 latency of ${LATENCY_OPERATIONS.join('/')} above 100 ms. ${row.runbook}`,
        acrossOperations: { operations: LATENCY_OPERATIONS, combine: 'MAX' },
      },
    ],
  },
  {
    // Eventually consistent global tables publish ReplicationLatency per receiving region in the sending region.
    id: 'replication-latency',
    severity: 'critical',
    metricName: 'ReplicationLatency',
    statistic: 'Average',
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'Check the receiving region in the AWS Health Dashboard and PendingReplicationCount; writes there are stale until it recovers.',
    expand: (input, row) =>
      input.multiRegionConsistency === 'eventual'
        ? input.replicaRegions.map((region) => ({
            id: `${row.id}-${region}`,
            threshold: 30_000,
            description: `replication to ${region} more than 30 s behind. ${row.runbook}`,
            dimensions: { TableName: input.tableName, ReceivingRegion: region },
          }))
        : [],
  },
  ...(['read', 'write'] as const).map((kind): DynamoDbAlarmRow => ({
    id: `${kind}-capacity`,
    severity: 'warning',
    metricName: kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits',
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'Autoscaling is close to its maximum: raise max capacity, or consider on-demand billing.',
    expand: (input, row) => {
      if (input.billing.mode !== 'provisioned') return [];
      const max = input.billing[kind === 'read' ? 'readCapacity' : 'writeCapacity'].max;
      // Consumed units are summed over the period; the provisioned ceiling is per second.
      const threshold = Math.floor((max * row.periodSeconds * CAPACITY_WARNING_PERCENT) / 100);
      return once(threshold, `consumed ${kind} capacity above ${CAPACITY_WARNING_PERCENT}% of the autoscaling maximum (${max} units/s). ${row.runbook}`);
    },
  })),
];

export function dynamodbTableAlarmDefinitions(input: DynamoDbAlarmInput): DynamoDbAlarmDefinition[] {
  return DYNAMODB_TABLE_ALARMS.flatMap((row) =>
    row.expand(input, row).map((instance) => {
      const id = instance.id ?? row.id;
      return {
        id,
        alarmName: `${input.tableName}-${id}`,
        severity: row.severity,
        namespace: 'AWS/DynamoDB',
        metricName: row.metricName,
        dimensions: { TableName: input.tableName },
        statistic: row.statistic,
        comparison: 'GreaterThanThreshold' as const,
        periodSeconds: row.periodSeconds,
        evaluationPeriods: row.evaluationPeriods,
        // DynamoDB publishes throttles and errors only when they happen: no data means none happened.
        missingDataIsOk: true,
        ...instance,
        description: `[${row.severity}] ${input.tableName}: ${instance.description}`,
      };
    }),
  );
}

/**
 * UserErrors (HTTP 400 answers) exists only per account and region, without a table dimension: one alarm per region
 * that holds a table or replica, in that region's foundation stack.
 */
export function dynamodbRegionAlarmDefinitions(environment: string, region: string): DynamoDbAlarmDefinition[] {
  return [
    {
      id: 'dynamodb-user-errors',
      alarmName: `${environment}-dynamodb-user-errors`,
      description: `[warning] DynamoDB in ${region} (all tables of the account): more than 10 client errors (HTTP 400) per 5 minutes for 15 minutes. Look for malformed requests or missing permissions after a deploy.`,
      severity: 'warning',
      namespace: 'AWS/DynamoDB',
      metricName: 'UserErrors',
      dimensions: {},
      missingDataIsOk: true,
      statistic: 'Sum',
      comparison: 'GreaterThanThreshold',
      threshold: 10,
      periodSeconds: 300,
      evaluationPeriods: 3,
    },
  ];
}
