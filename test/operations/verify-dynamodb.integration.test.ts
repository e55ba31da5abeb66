/**
 * dbctl verify of a DynamoDB global table against moto_server. moto 5.2.1 has no global tables: a replica is
 * created as the table of the same name in its region (what DescribeTable and DescribeContinuousBackups show of a
 * replica there), and the primary's replica list, which moto never reports, is added by a tap on the SDK client
 * (support/global-table-tap.ts) except in the test that shows what verify says without it.
 */
import { UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import type { CheckResult } from '../../lib/operations/check-result';
import type { DynamodbTablePlan } from '../../lib/plan/plan-types';
import { describeWithTool } from '../support/local-tools';
import { withGlobalTableReplicas } from './support/global-table-tap';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { dynamodbClient, ENVIRONMENT, SAMPLE_DYNAMODB_TABLE, samplePlan, seedDynamodbTable, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

describeMoto('dbctl verify of a DynamoDB global table against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let table: DynamodbTablePlan;

  beforeEach(() => {
    sample.configDir = writeSampleConfig(sample.network, (config) => config.databases.push(SAMPLE_DYNAMODB_TABLE));
    table = samplePlan(sample.configDir).plan.databases['dynamodb-table'][0];
  });

  async function verifyJson(options: { globalTable?: boolean } = {}) {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--database', 'sessions', '--endpoint-url', endpoint(), '--json'], {
      configDir: sample.configDir,
      createClients:
        options.globalTable === false
          ? undefined
          : withGlobalTableReplicas(
              endpoint(),
              table.region,
              table.replicas.map((r) => r.region),
            ),
    });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    const failed = checks.filter((c) => c.status === 'fail').map(({ resource, check, planned, live }) => ({ resource, check, planned, live }));
    return { run, checks, failed };
  }

  test('GIVEN the table and its replica as planned WHEN verify runs THEN every region and alarm passes, exit 0', async () => {
    await seedDynamodbTable(endpoint(), table);

    const { run, checks, failed } = await verifyJson();

    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(checks.filter((c) => !c.check.startsWith('alarm')).map((c) => `${c.resource} ${c.check}: ${c.planned} | ${c.status}`)).toEqual([
      'sample-sessions status: ACTIVE | pass',
      'sample-sessions account: 123456789012 | pass',
      'sample-sessions keys: sessionId (S), createdAt (N) | pass',
      'sample-sessions billing: on-demand | pass',
      'sample-sessions replicas: eu-central-1 ACTIVE | pass',
      'sample-sessions encryption: alias/sample-databases in eu-west-1 | pass',
      'sample-sessions point-in-time recovery: on, latest restorable time within 5 min | pass',
      'sample-sessions recovery period: 35 days | pass',
      'sample-sessions deletion protection: on | pass',
      'sample-sessions backup selection: backup-plan=sample-databases-eu-west-1 (selected into sample-databases-eu-west-1) | pass',
      'sample-sessions@eu-central-1 status: ACTIVE | pass',
      'sample-sessions@eu-central-1 encryption: alias/sample-databases in eu-central-1 | pass',
      'sample-sessions@eu-central-1 point-in-time recovery: on, latest restorable time within 5 min | pass',
      'sample-sessions@eu-central-1 recovery period: 35 days | pass',
      'sample-sessions@eu-central-1 deletion protection: on | pass',
    ]);
    // Metric-math alarms (system errors summed, p99 latency at its slowest operation) are read back and compared too.
    expect(checks.filter((c) => c.check === 'alarm').map((c) => c.live)).toEqual([
      'ReadThrottleEvents Sum > 0, 2×300s',
      'WriteThrottleEvents Sum > 0, 2×300s',
      'SystemErrors Sum > 0, 3×300s, SUM over 9 operations',
      'SuccessfulRequestLatency p99 > 100, 3×300s, MAX over 4 operations',
      'ReplicationLatency Average > 30000, 3×300s',
    ]);
  });

  test('GIVEN the replica region is missing WHEN verify runs THEN the replica list and the replica fail, exit 1', async () => {
    await seedDynamodbTable(endpoint(), table, { skipReplicas: ['eu-central-1'] });

    const { run, failed } = await verifyJson();

    expect(run.code).toBe(1);
    expect(failed).toEqual([
      { resource: 'sample-sessions', check: 'replicas', planned: 'eu-central-1 ACTIVE', live: 'none (not a global table)' },
      { resource: 'sample-sessions@eu-central-1', check: 'replica exists', planned: 'replica in eu-central-1', live: 'not found in eu-central-1' },
    ]);
  });

  test('GIVEN point-in-time recovery off on the replica WHEN verify runs THEN only that replica fails PITR and its period, exit 1', async () => {
    await seedDynamodbTable(endpoint(), table);
    await dynamodbClient(endpoint(), 'eu-central-1').send(
      new UpdateContinuousBackupsCommand({ TableName: table.tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }),
    );

    const { run, failed } = await verifyJson();

    expect(run.code).toBe(1);
    expect(failed).toEqual([
      { resource: 'sample-sessions@eu-central-1', check: 'point-in-time recovery', planned: 'on, latest restorable time within 5 min', live: 'disabled' },
      { resource: 'sample-sessions@eu-central-1', check: 'recovery period', planned: '35 days', live: 'none' },
    ]);
  });

  test('GIVEN a shorter recovery period, no deletion protection and the AWS owned key WHEN verify runs THEN each is a row', async () => {
    await seedDynamodbTable(endpoint(), { ...table, deletionProtection: false, replicas: [] });
    await seedDynamodbTable(
      endpoint(),
      { ...table, region: 'eu-central-1', keyAliasArn: table.replicas[0].keyAliasArn, replicas: [], alarms: [] },
      { awsOwnedKey: ['eu-central-1'] },
    );
    const primary = dynamodbClient(endpoint(), table.region);
    await primary.send(
      new UpdateContinuousBackupsCommand({
        TableName: table.tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
      }),
    );

    const { failed } = await verifyJson();

    expect(failed).toEqual([
      { resource: 'sample-sessions', check: 'recovery period', planned: '35 days', live: '7 days' },
      { resource: 'sample-sessions', check: 'deletion protection', planned: 'on', live: 'off' },
      {
        resource: 'sample-sessions@eu-central-1',
        check: 'encryption',
        planned: expect.stringMatching(/^alias\/sample-databases in eu-central-1 \(key\/[0-9a-f-]+\)$/),
        live: 'AWS owned key',
      },
    ]);
  });

  test('GIVEN same-named tables that AWS does not report as one global table WHEN verify runs THEN the replica list fails', async () => {
    // Without the tap this is moto's own answer: it has no global tables, so two tables of one name are two tables.
    await seedDynamodbTable(endpoint(), table);

    const { failed } = await verifyJson({ globalTable: false });

    expect(failed).toEqual([{ resource: 'sample-sessions', check: 'replicas', planned: 'eu-central-1 ACTIVE', live: 'none (not a global table)' }]);
  });

  test('GIVEN the table is missing everywhere WHEN verify runs THEN each region says so, the alarms still checked', async () => {
    const { run, failed } = await verifyJson();

    expect(run.code).toBe(1);
    expect(failed.slice(0, 1)).toEqual([{ resource: 'sample-sessions', check: 'exists', planned: 'table in eu-west-1', live: 'not found in eu-west-1' }]);
    expect(failed[failed.length - 1]).toEqual({
      resource: 'sample-sessions@eu-central-1',
      check: 'replica exists',
      planned: 'replica in eu-central-1',
      live: 'not found in eu-central-1',
    });
    expect(failed.filter((f) => f.check === 'alarm').every((f) => f.live === 'missing')).toBe(true);
  });
});
