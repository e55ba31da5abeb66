/** Alert rows, the alerts an instance or replica gets, and how the special conditions are rendered. */
import { DATABASE_ALARMS } from '../../constructs/common/alarm-catalog';
import { CLOUD_SQL_SIGNALS, cloudSqlAlertRows } from '../../constructs/gcp/tables/cloud-sql-alert-table';
import { CloudSqlInstance } from '../../constructs/gcp/cloud-sql-instance';
import { cloudSqlAlerts } from '../../constructs/gcp/tables/cloud-sql-alerts';
import { instanceProps, resources, synthJson, testStack } from './support';

describe('the Cloud SQL alert rows', () => {
  const rows = cloudSqlAlertRows();

  test('the common catalog rows come first, unchanged in id, severity and runbook', () => {
    expect(rows.slice(0, DATABASE_ALARMS.length).map((row) => [row.id, row.severity, row.runbook])).toEqual(
      DATABASE_ALARMS.map((row) => [row.id, row.severity, row.runbook]),
    );
  });

  test('cpu, memory and disk have a warning and a critical level; every row has a unique id and says what to check first', () => {
    const levels = (signal: string) =>
      rows
        .filter((row) => row.signal === signal)
        .map((row) => row.severity)
        .sort();
    for (const signal of ['cpu', 'memory', 'disk']) expect(levels(signal)).toEqual(['critical', 'warning']);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => `${row.signal}/${row.severity}`)).size).toBe(rows.length);
    for (const row of rows) expect(row.runbook.length).toBeGreaterThan(40);
  });

  test('the common storage row (free below 15%) becomes disk utilization above 85%', () => {
    expect(rows.find((row) => row.id === 'storage-low')).toMatchObject({ signal: 'disk', threshold: 0.85, durationSeconds: 300 });
  });
});

describe('the alerts of an instance', () => {
  const ids = (alerts: ReturnType<typeof cloudSqlAlerts>) => alerts.map((alert) => alert.id).sort();

  test('a PostgreSQL primary: cpu, memory, disk, up, FAILED state, backends and transaction ids', () => {
    expect(ids(cloudSqlAlerts({ instanceName: 'prod-ledger', role: 'primary', engine: 'postgres', maxConnections: 400 }))).toEqual([
      'backends-high',
      'cpu-high',
      'cpu-warning',
      'instance-failed',
      'memory-critical',
      'memory-warning',
      'server-down',
      'storage-low',
      'storage-warning',
      'transaction-ids-critical',
      'transaction-ids-warning',
    ]);
  });

  test('a PostgreSQL replica: replica lag instead of transaction ids (a replica mirrors its primary)', () => {
    expect(ids(cloudSqlAlerts({ instanceName: 'prod-ledger-replica-europe-west4', role: 'replica', engine: 'postgres', maxConnections: 400 }))).toEqual([
      'backends-high',
      'cpu-high',
      'cpu-warning',
      'instance-failed',
      'memory-critical',
      'memory-warning',
      'replica-lag-critical',
      'replica-lag-warning',
      'server-down',
      'storage-low',
      'storage-warning',
    ]);
  });

  test('a MySQL primary has no PostgreSQL metrics', () => {
    expect(ids(cloudSqlAlerts({ instanceName: 'prod-inventory', role: 'primary', engine: 'mysql' }))).toEqual([
      'cpu-high',
      'cpu-warning',
      'instance-failed',
      'memory-critical',
      'memory-warning',
      'server-down',
      'storage-low',
      'storage-warning',
    ]);
  });

  test('backends alert at 90% of the instance max_connections', () => {
    const backends = cloudSqlAlerts({ instanceName: 'prod-ledger', role: 'primary', engine: 'postgres', maxConnections: 500 }).find(
      (a) => a.id === 'backends-high',
    );
    expect(backends).toMatchObject({
      displayName: 'prod-ledger: more than 450 backends [critical]',
      metricType: 'cloudsql.googleapis.com/database/postgresql/num_backends',
      threshold: 450,
      sumAcrossSeries: true,
    });
  });

  test('replica lag warns after 30 s and is critical after 5 minutes', () => {
    const lag = cloudSqlAlerts({ instanceName: 'r', role: 'replica', engine: 'mysql' }).filter((a) => a.metricType.endsWith('/replication/replica_lag'));
    expect(lag.map((a) => [a.severity, a.threshold, a.displayName])).toEqual([
      ['warning', 30, 'r: replica more than 30 s behind [warning]'],
      ['critical', 300, 'r: replica more than 300 s behind [critical]'],
    ]);
  });

  test('every signal names a cloudsql.googleapis.com/database metric', () => {
    for (const metric of Object.values(CLOUD_SQL_SIGNALS)) expect(metric.metricType).toMatch(/^cloudsql\.googleapis\.com\/database\//);
  });
});

describe('alert policies rendered by the construct', () => {
  // GIVEN a PostgreSQL instance with its planned alerts WHEN synthesized
  const alerts = cloudSqlAlerts({ instanceName: 'test-ledger', role: 'primary', engine: 'postgres', maxConnections: 400 });
  const stack = testStack();
  new CloudSqlInstance(stack, 'Database', instanceProps({ alerts, notificationChannels: ['projects/acme-test/notificationChannels/1'] }));
  const policies = resources(synthJson(stack), 'google_monitoring_alert_policy');
  const condition = (id: string) => {
    const alert = alerts.find((a) => a.id === id)!;
    return policies.find((policy) => policy.display_name === alert.displayName)!.conditions[0].condition_threshold;
  };

  test('THEN every alert is a policy that notifies the channel and carries its runbook', () => {
    expect(policies).toHaveLength(alerts.length);
    for (const policy of policies) {
      expect(policy.notification_channels).toEqual(['projects/acme-test/notificationChannels/1']);
      expect(policy.documentation.content.length).toBeGreaterThan(40);
    }
  });

  test('THEN the FAILED-state condition selects the state label and counts true points over a minute', () => {
    expect(condition('instance-failed')).toEqual({
      filter:
        'resource.type="cloudsql_database" AND resource.labels.database_id="acme-test:test-ledger" ' +
        'AND metric.type="cloudsql.googleapis.com/database/instance_state" AND metric.labels.state="FAILED"',
      comparison: 'COMPARISON_GT',
      threshold_value: 0,
      duration: '60s',
      aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_FRACTION_TRUE' }],
    });
  });

  test('THEN the up condition fires when any minute of five saw the server down', () => {
    expect(condition('server-down')).toMatchObject({
      comparison: 'COMPARISON_LT',
      threshold_value: 1,
      duration: '300s',
      aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_MIN' }],
    });
  });

  test('THEN the backends of every database are summed per instance', () => {
    expect(condition('backends-high')).toMatchObject({
      threshold_value: 360,
      aggregations: [
        { alignment_period: '300s', per_series_aligner: 'ALIGN_MEAN', cross_series_reducer: 'REDUCE_SUM', group_by_fields: ['resource.label.database_id'] },
      ],
    });
  });

  test('THEN transaction ids alert on the highest value, not the average', () => {
    expect(condition('transaction-ids-critical')).toMatchObject({ threshold_value: 0.75, aggregations: [{ per_series_aligner: 'ALIGN_MAX' }] });
  });
});
