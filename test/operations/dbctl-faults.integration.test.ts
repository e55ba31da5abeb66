/**
 * dbctl under faults: the real CLI (`npm run dbctl`: bin/dbctl.ts) against moto_server behind a fault-injecting proxy that
 * stalls, trickles, drops responses and answers HTML 5xx pages. Deadlines are measured on the wall clock.
 */
import { DeleteDBInstanceCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { describeWithTool } from '../support/local-tools';
import { FaultProxy, startFaultProxy } from './support/fault-proxy';
import { MOTO_INSTALL_HINT, MotoServer, startMoto, useFakeCredentials } from './support/moto-server';
import { dbctlProcessAsync } from './support/run-dbctl';
import { defaultNetwork, ENVIRONMENT, rdsClient, samplePlan, seedFoundation, seedRdsInstance, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

describeMoto('dbctl under faults (moto behind a fault-injecting proxy)', () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let configDir: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = useFakeCredentials();
    moto = await startMoto();
    proxy = await startFaultProxy(moto.endpoint);
    const network = await defaultNetwork(moto.endpoint);
    configDir = writeSampleConfig(network);
    await seedFoundation(moto.endpoint, samplePlan(configDir).plan);
    await seedRdsInstance(moto.endpoint, samplePlan(configDir).db, network);
  }, 60_000);
  afterEach(() => proxy.clear());
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
    restoreEnv?.();
  });

  const scratchCopies = async () =>
    (await rdsClient(moto.endpoint).send(new DescribeDBInstancesCommand({})))
      .DBInstances!.map((i) => i.DBInstanceIdentifier)
      .filter((id) => id !== 'sample-orders');

  const verify = (env: Record<string, string> = {}) =>
    dbctlProcessAsync(['verify', '--env', ENVIRONMENT, '--database', 'orders', '--json', '--endpoint-url', proxy.endpoint], {
      DB_CONFIG_DIR: configDir,
      ...env,
    });
  const drill = (args: string[], env: Record<string, string> = {}) =>
    dbctlProcessAsync(['restore-drill', '--env', ENVIRONMENT, '--database', 'orders', '--json', '--endpoint-url', proxy.endpoint, ...args], {
      DB_CONFIG_DIR: configDir,
      ...env,
    });

  test('GIVEN a call that stalls for 60 s WHEN verify runs THEN the attempt is cut off at its deadline and retried', async () => {
    proxy.arm('DescribeDBInstances', { kind: 'stall', ms: 60_000 });
    const run = await verify({ DBCTL_ATTEMPT_TIMEOUT_SECONDS: '2' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'verify', ok: true });
    expect(proxy.seen.filter((s) => s.action === 'DescribeDBInstances')[0]).toEqual({ action: 'DescribeDBInstances', fault: 'stall' });
    expect(run.ms).toBeLessThan(30_000);
  }, 90_000);

  test('GIVEN a response that trickles one byte a second WHEN verify runs THEN the body counts against the attempt deadline', async () => {
    proxy.arm('DescribeDBInstances', { kind: 'trickle', ms: 1_000 });
    const run = await verify({ DBCTL_ATTEMPT_TIMEOUT_SECONDS: '3' });
    expect(run.code).toBe(0);
    expect(proxy.seen.filter((s) => s.fault === 'trickle')).toHaveLength(1);
    expect(run.ms).toBeLessThan(30_000);
  }, 90_000);

  test('GIVEN stalls on every attempt WHEN verify runs THEN it gives up after AWS_MAX_ATTEMPTS deadlines and says so, exit 2', async () => {
    proxy.arm('DescribeDBInstances', { kind: 'stall', ms: 60_000 }, 10);
    const run = await verify({ DBCTL_ATTEMPT_TIMEOUT_SECONDS: '2', AWS_MAX_ATTEMPTS: '2' });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      command: 'verify',
      ok: false,
      error: {
        kind: 'access',
        message: `Could not reach the endpoint ${proxy.endpoint} for rds:DescribeDBInstances on sample-orders in eu-west-1 (ETIMEDOUT: no complete response within 2 s, 2 attempts). Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network.`,
      },
    });
    // One stall alone is 60 s: finishing well below it proves the attempts were cut (the rest is process start-up,
    // which on a loaded two-core machine takes up to about 20 s through ts-node).
    expect(run.ms).toBeLessThan(45_000);
  }, 90_000);

  test.each([
    ['DescribeDBInstances', 'rds:DescribeDBInstances on sample-orders in eu-west-1'],
    ['DescribeKey', 'kms:DescribeKey on arn:aws:kms:eu-west-1:123456789012:alias/sample-databases in eu-west-1'],
  ])(
    'GIVEN an HTML 503 page for %s WHEN verify runs THEN the message says the status and the service, exit 2',
    async (action, call) => {
      proxy.arm(action, { kind: 'status', status: 503 }, 10);
      const run = await verify({ AWS_MAX_ATTEMPTS: '2' });
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('SyntaxError');
      expect(JSON.parse(run.stdout).error.message).toBe(
        `${call} failed: HTTP 503 from the ${call.split(':')[0]} endpoint (not an AWS API response; 2 attempts).`,
      );
    },
    90_000,
  );

  test('GIVEN the describes stall after the restore WHEN restore-drill --timeout 10s runs THEN the run ends at the deadline and cleans up', async () => {
    proxy.arm('DescribeDBInstances', { kind: 'stall', ms: 60_000 }, 3, 'RestoreDBInstanceToPointInTime');
    const run = await drill(['--timeout', '10s'], { DBCTL_ATTEMPT_TIMEOUT_SECONDS: '8' });
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(report).toMatchObject({ outcome: 'failed', failure: 'Timed out: the drill did not finish within --timeout 10s.', cleanup: { left: [] } });
    // The timeout cut off the first stalled describe; the clean-up waited out one attempt deadline for each of the other two.
    expect(proxy.seen.filter((s) => s.fault === 'stall')).toHaveLength(3);
    expect(report.cleanup.removed).toEqual([{ type: 'RDS instance', id: report.scratch }]);
    expect(run.ms).toBeLessThan(45_000);
    expect(await scratchCopies()).toEqual([]);
  }, 120_000);

  test('GIVEN the restore response is lost WHEN the SDK retries the restore THEN the copy it created is ours and the drill passes', async () => {
    proxy.arm('RestoreDBInstanceToPointInTime', { kind: 'drop-response' });
    const run = await drill([]);
    const report = JSON.parse(run.stdout);
    expect(proxy.seen.filter((s) => s.action === 'RestoreDBInstanceToPointInTime')).toEqual([
      { action: 'RestoreDBInstanceToPointInTime', fault: 'drop-response' },
      { action: 'RestoreDBInstanceToPointInTime' },
    ]);
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ outcome: 'passed', cleanup: { left: [] } });
    expect(report.cleanup.removed).toEqual([{ type: 'RDS instance', id: report.scratch }]);
    expect(await scratchCopies()).toEqual([]);
  }, 120_000);

  test('GIVEN the delete response is lost WHEN the SDK retries the delete THEN the copy is reported removed, not "nothing to remove"', async () => {
    proxy.arm('DeleteDBInstance', { kind: 'drop-response' });
    const run = await drill([]);
    const report = JSON.parse(run.stdout);
    expect(proxy.seen.filter((s) => s.action === 'DeleteDBInstance')).toHaveLength(2);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('nothing to remove');
    expect(report.cleanup).toEqual({ removed: [{ type: 'RDS instance', id: report.scratch }], kept: [], left: [] });
    expect(await scratchCopies()).toEqual([]);
  }, 120_000);

  test('GIVEN DeleteDBInstance keeps answering 503 WHEN the drill cleans up THEN the error names DeleteDBInstance and cleanup.left lists the copy', async () => {
    proxy.arm('DeleteDBInstance', { kind: 'status', status: 503 }, 10);
    const run = await drill([], { AWS_MAX_ATTEMPTS: '2' });
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(report.outcome).toBe('failed');
    expect(report.cleanup).toMatchObject({
      removed: [],
      left: [{ type: 'RDS instance', id: report.scratch, state: 'available' }],
      error: `rds:DeleteDBInstance on ${report.scratch} in eu-west-1 failed: HTTP 503 from the rds endpoint (not an AWS API response; 2 attempts).`,
      manualCleanup: `aws rds delete-db-instance --region eu-west-1 --db-instance-identifier ${report.scratch} --skip-final-snapshot --delete-automated-backups`,
    });
    expect(await scratchCopies()).toEqual([report.scratch]);
    await rdsClient(moto.endpoint).send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: report.scratch, SkipFinalSnapshot: true }));
  }, 120_000);
});
