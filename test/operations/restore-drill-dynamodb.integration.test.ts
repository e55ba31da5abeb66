/**
 * dbctl restore-drill of a DynamoDB table against moto_server, end to end: RestoreTableToPointInTime to a scratch
 * table, tag, wait, check, measure, DeleteTable, and the clean-up after a failure. Every mutating DynamoDB call must
 * name the scratch table, never the source, and nothing of the copy may be left.
 *
 * moto 5.2.1 ignores RestoreTableToPointInTime's SSESpecificationOverride: its copy reports no SSEDescription (the
 * AWS owned key). One test shows that the drill then fails on encryption, as it would on AWS; the others add to the
 * copy's DescribeTable answer the key the request named (a tap on the real SDK client), as AWS reports it.
 */
import { DescribeContinuousBackupsCommand, DescribeTableCommand, ListTablesCommand, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { AwsClientOptions, AwsClients, createAwsClients } from '../../lib/operations/aws/aws-clients';
import type { DynamodbTablePlan } from '../../lib/plan/plan-types';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { dynamodbClient, ENVIRONMENT, SAMPLE_DYNAMODB_TABLE, samplePlan, seedDynamodbTable, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

/** The scratch name for DRILL_START (2026-03-14T09:26:53Z). */
const SCRATCH = 'sample-sessions-drill-20260314-092653';
const MUTATING = /^(Restore|Delete|Update|Create|Tag|Untag|Put)/;

interface Call {
  readonly command: string;
  readonly input: Record<string, any>;
}

/** Records every DynamoDB call; optionally reports the key a restore asked for, which moto drops; optionally fails a call. */
function tapped(calls: Call[], options: { reportRequestedKey?: boolean; fail?: (call: Call) => Error | undefined } = {}) {
  let requestedKey: string | undefined;
  return (clientOptions: AwsClientOptions): AwsClients => {
    const clients = createAwsClients(clientOptions);
    const seen = new Set<unknown>();
    return {
      ...clients,
      dynamodb: (region) => {
        const client = clients.dynamodb(region);
        if (!seen.has(client)) {
          seen.add(client);
          client.middlewareStack.add(
            (next, context) => async (args) => {
              const call = { command: String(context.commandName).replace(/Command$/, ''), input: args.input as Record<string, any> };
              calls.push(call);
              const error = options.fail?.(call);
              if (error) throw error;
              if (call.command === 'RestoreTableToPointInTime') requestedKey = call.input.SSESpecificationOverride?.KMSMasterKeyId;
              const result: any = await next(args);
              const table = result.output?.Table;
              if (options.reportRequestedKey && requestedKey && table?.TableName === SCRATCH && !table.SSEDescription) {
                table.SSEDescription = { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: requestedKey };
              }
              return result;
            },
            { step: 'initialize', name: 'dynamodbTap' },
          );
        }
        return client;
      },
    };
  };
}

describeMoto('dbctl restore-drill of a DynamoDB table against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let table: DynamodbTablePlan;
  let calls: Call[];

  beforeEach(async () => {
    sample.configDir = writeSampleConfig(sample.network, (config) => config.databases.push(SAMPLE_DYNAMODB_TABLE));
    table = samplePlan(sample.configDir).plan.databases['dynamodb-table'][0];
    await seedDynamodbTable(endpoint(), table);
    calls = [];
  });

  const drill = (args: string[], options: Parameters<typeof tapped>[1] = { reportRequestedKey: true }) =>
    dbctl(['restore-drill', '--env', ENVIRONMENT, '--database', 'sessions', '--endpoint-url', endpoint(), ...args], {
      configDir: sample.configDir,
      createClients: tapped(calls, options),
    });

  async function tables(region = table.region) {
    return (await dynamodbClient(endpoint(), region).send(new ListTablesCommand({}))).TableNames ?? [];
  }

  async function sourceState() {
    const client = dynamodbClient(endpoint(), table.region);
    const described = (await client.send(new DescribeTableCommand({ TableName: table.tableName }))).Table!;
    const pitr = (await client.send(new DescribeContinuousBackupsCommand({ TableName: table.tableName }))).ContinuousBackupsDescription!;
    return {
      status: described.TableStatus,
      protection: described.DeletionProtectionEnabled,
      sse: described.SSEDescription,
      pitr: pitr.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    };
  }

  function expectOnlyScratchMutated() {
    const mutating = calls.filter((c) => MUTATING.test(c.command));
    expect(mutating.map((c) => c.command)).toEqual(['RestoreTableToPointInTime', 'TagResource', 'DeleteTable']);
    for (const call of mutating) {
      const target = call.input.TargetTableName ?? call.input.TableName ?? call.input.ResourceArn?.split('/').pop();
      expect(`${call.command} ${target}`).toBe(`${call.command} ${SCRATCH}`);
    }
  }

  test('GIVEN a healthy table WHEN a drill runs to the latest time THEN it restores, checks, deletes the copy and exits 0', async () => {
    const before = await sourceState();

    const run = await drill([]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Restore drill: sample › sessions (DynamoDB table sample-sessions, eu-west-1)');
    expect(lines.filter((l) => l.includes(SCRATCH) && /\b(pass|FAIL)\b/.test(l)).map((l) => l.split(/\s{2,}/).slice(2, 4))).toEqual([
      ['status', 'pass'],
      ['encryption', 'pass'],
      ['keys', 'pass'],
      ['restored from', 'pass'],
      ['drill tag', 'pass'],
    ]);
    expect(lines).toContain(`[00:00] deleting DynamoDB table ${SCRATCH}`);
    expect(lines).toContain(`Clean-up:       removed DynamoDB table ${SCRATCH}; nothing left behind`);
    expect(lines[lines.length - 1]).toBe('Drill PASSED');
    expect(await tables()).toEqual([table.tableName]);
    expect(await sourceState()).toEqual(before);
    expectOnlyScratchMutated();
  });

  test('GIVEN moto drops the requested key WHEN a drill runs without the tap THEN encryption fails, exit 1, and the copy is still removed', async () => {
    const run = await drill(['--json'], {});

    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.outcome).toBe('failed');
    expect(report.checks.filter((c: any) => c.status === 'fail').map((c: any) => [c.check, c.live])).toEqual([['encryption', 'AWS owned key']]);
    expect(report.cleanup.removed).toEqual([{ type: 'DynamoDB table', id: SCRATCH }]);
    expect(report.cleanup.left).toEqual([]);
    expect(await tables()).toEqual([table.tableName]);
  });

  test('GIVEN tagging the restored copy fails WHEN a drill runs THEN it fails and still deletes the copy (restored from this source)', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:TagResource'), { name: 'AccessDeniedException', $metadata: {} });

    const run = await drill(['--json'], { reportRequestedKey: true, fail: (call) => (call.command === 'TagResource' ? denied : undefined) });

    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.failure).toBe(
      `Access denied: dynamodb:TagResource on ${SCRATCH} in eu-west-1 (AccessDeniedException). The credentials in use need dynamodb:TagResource; see docs/operations.md, "Permissions".`,
    );
    expect(report.cleanup.removed).toEqual([{ type: 'DynamoDB table', id: SCRATCH }]);
    expect(await tables()).toEqual([table.tableName]);
  });

  test('GIVEN --keep WHEN the drill passes THEN the tagged copy stays and the report names the command that removes it', async () => {
    const run = await drill(['--keep', '--json']);

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.cleanup.kept).toEqual([{ type: 'DynamoDB table', id: SCRATCH }]);
    expect(report.cleanup.manualCleanup).toBe(`aws dynamodb delete-table --region eu-west-1 --table-name ${SCRATCH}`);
    expect((await tables()).sort()).toEqual([table.tableName, SCRATCH]);
  });

  test('GIVEN point-in-time recovery off on the table WHEN a drill runs THEN it fails before restoring, naming why, exit 1', async () => {
    await dynamodbClient(endpoint(), table.region).send(
      new UpdateContinuousBackupsCommand({ TableName: table.tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }),
    );

    const run = await drill(['--json']);

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failure).toBe(
      'sample-sessions has no latest restorable time: point-in-time recovery is off, so it cannot be restored to a point in time.',
    );
    expect(calls.filter((c) => MUTATING.test(c.command))).toEqual([]);
  });
});
