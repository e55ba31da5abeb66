/**
 * dbctl restore-drill against a real local AWS API (moto_server), end to end: restore, wait, check, measure, delete,
 * and the clean-up after a failure, a timeout and Ctrl-C. After each drill, nothing of the copy may be left and the
 * source must be as it was; every mutating call must have named the scratch copy, never the source.
 */
import {
  DBInstance,
  DeleteDBInstanceCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  ModifyDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { createAwsClients } from '../../lib/operations/aws/aws-clients';
import { KeyResolver } from '../../lib/operations/aws/kms-keys';
import { RdsInstanceDrill } from '../../lib/operations/drill/rds-instance-drill';
import { fakeClock } from '../../lib/operations/runtime';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl, DRILL_START } from './support/run-dbctl';
import { ENVIRONMENT, rdsClient, seedRdsInstance, Seeded } from './support/sample-account';
import { MUTATING_RDS_COMMANDS, passThrough, RdsCall, RdsTap, slowRestore, tappedClients } from './support/tapped-clients';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

/** The scratch name for DRILL_START (2026-03-14T09:26:53Z). */
const SCRATCH = 'sample-orders-drill-20260314-092653';

describeMoto('dbctl restore-drill against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let seeded: Seeded;
  let calls: RdsCall[];

  beforeEach(async () => {
    seeded = await seedRdsInstance(endpoint(), sample.db, sample.network);
    calls = [];
  });

  const drill = (args: string[], options: { tap?: RdsTap; interrupts?: { signal: AbortSignal; abandon: AbortSignal }; onLine?: (line: string) => void } = {}) =>
    dbctl(['restore-drill', '--env', ENVIRONMENT, '--database', 'orders', '--endpoint-url', endpoint(), ...args], {
      configDir: sample.configDir,
      createClients: tappedClients(options.tap ?? passThrough, calls),
      interrupts: options.interrupts,
      onLine: options.onLine,
    });

  async function instances(): Promise<DBInstance[]> {
    return (await rdsClient(endpoint()).send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
  }

  /** Nothing of any drill copy: no instance, no automated backups, no snapshot. */
  async function expectNothingLeft() {
    const rds = rdsClient(endpoint());
    expect((await instances()).map((i) => i.DBInstanceIdentifier)).toEqual([sample.db.identifier]);
    const snapshots = (await rds.send(new DescribeDBSnapshotsCommand({}))).DBSnapshots ?? [];
    expect(snapshots.filter((s) => s.DBInstanceIdentifier !== sample.db.identifier)).toEqual([]);
    const backups = (await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({}))).DBInstanceAutomatedBackups ?? [];
    expect(backups.map((b) => b.DBInstanceIdentifier)).toEqual([sample.db.identifier]);
  }

  function expectSourceUntouched() {
    const mutating = calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command));
    expect(mutating.length).toBeGreaterThan(0);
    for (const call of mutating) {
      const target = call.input.DBInstanceIdentifier ?? call.input.TargetDBInstanceIdentifier;
      expect(`${call.command} ${target}`).toMatch(new RegExp(`^${call.command} ${SCRATCH}$`));
    }
  }

  async function sourceState() {
    const source = (await instances()).find((i) => i.DBInstanceIdentifier === sample.db.identifier)!;
    const { LatestRestorableTime: _ignored, ...rest } = source;
    return rest;
  }

  test('GIVEN a healthy source WHEN a drill runs to the latest time THEN it restores, checks, measures, deletes the copy and exits 0', async () => {
    const before = await sourceState();

    const run = await drill(['--latest']);

    expect(run.code).toBe(0);
    const restore = calls.find((c) => c.command === 'RestoreDBInstanceToPointInTime')!.input;
    expect(restore).toEqual({
      SourceDBInstanceIdentifier: 'sample-orders',
      TargetDBInstanceIdentifier: SCRATCH,
      UseLatestRestorableTime: true,
      DBInstanceClass: 'db.r6g.large',
      DBSubnetGroupName: seeded.subnetGroup,
      VpcSecurityGroupIds: [expect.stringMatching(/^sg-/)],
      DBParameterGroupName: seeded.parameterGroup,
      MultiAZ: false,
      PubliclyAccessible: false,
      DeletionProtection: false,
      AutoMinorVersionUpgrade: false,
      CopyTagsToSnapshot: false,
      Tags: [
        { Key: 'dbctl:drill', Value: 'true' },
        { Key: 'dbctl:drill-source', Value: 'sample-orders' },
        { Key: 'dbctl:drill-started', Value: '2026-03-14T09:26:53.000Z' },
      ],
    });
    expect(calls.find((c) => c.command === 'DeleteDBInstance')!.input).toEqual({
      DBInstanceIdentifier: SCRATCH,
      SkipFinalSnapshot: true,
      DeleteAutomatedBackups: true,
    });
    const lines = run.stdout.split('\n');
    expect(lines).toContain(`[00:00] restore requested: sample-orders → ${SCRATCH}`);
    expect(lines).toContain('[00:00] status: available');
    expect(lines).toContain(`[00:00] deleted ${SCRATCH}: nothing left behind`);
    expect(lines).toContain('8 checks: 8 passed, 0 failed');
    expect(lines).toContainEqual(expect.stringMatching(/^Restore point: {2}latest restorable time \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ when requested\)$/));
    expect(lines).toContain('Restore time:   0s (from the restore request until available)');
    expect(lines).toContain(`Clean-up:       removed RDS instance ${SCRATCH}; nothing left behind`);
    expect(lines[lines.length - 1]).toBe('Drill PASSED');
    await expectNothingLeft();
    expectSourceUntouched();
    expect(await sourceState()).toEqual(before);
  });

  test('GIVEN --to a time in the window WHEN the drill runs THEN it restores to that time', async () => {
    const created = (await instances())[0].InstanceCreateTime!;
    const to = new Date(Math.ceil(created.getTime() / 1000) * 1000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, to.getTime() - Date.now() + 50)));

    const run = await drill(['--to', to.toISOString()]);

    expect(run.code).toBe(0);
    expect(calls.find((c) => c.command === 'RestoreDBInstanceToPointInTime')!.input.RestoreTime).toEqual(to);
    expect(run.stdout).toContain(`Restore point:  ${to.toISOString().replace('.000Z', 'Z')}`);
    await expectNothingLeft();
  });

  test('GIVEN --to after the latest restorable time WHEN the drill starts THEN it exits 2 with the window and creates nothing', async () => {
    const run = await drill(['--to', '2099-01-01T00:00:00Z']);

    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(
      /^dbctl: Restore time 2099-01-01T00:00:00Z is after the latest restorable time of sample-orders \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\. Use --latest, or an earlier --to\.$/,
    );
    expect(calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command))).toEqual([]);
  });

  test('GIVEN --to before the instance existed WHEN the drill starts THEN it exits 2 naming the earliest restorable time', async () => {
    const run = await drill(['--to', '2001-01-01T00:00:00Z']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dbctl: Restore time 2001-01-01T00:00:00Z is before the earliest restorable time of sample-orders \(/);
  });

  test('GIVEN --keep WHEN the drill passes THEN the tagged copy stays and the report says how to remove it', async () => {
    const run = await drill(['--keep']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Clean-up:       kept RDS instance ${SCRATCH} (--keep)`);
    expect(run.stdout).toContain(
      `to remove it by hand: aws rds delete-db-instance --region eu-west-1 --db-instance-identifier ${SCRATCH} --skip-final-snapshot --delete-automated-backups`,
    );
    const kept = (await instances()).find((i) => i.DBInstanceIdentifier === SCRATCH)!;
    expect(kept.TagList).toContainEqual({ Key: 'dbctl:drill', Value: 'true' });
  });

  test('GIVEN the restore call fails after the service created the copy WHEN the drill runs THEN it removes the copy and exits 1', async () => {
    const tap: RdsTap = async (call, send) => {
      const result = await send();
      if (call.command === 'RestoreDBInstanceToPointInTime') {
        throw Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalFailure', $metadata: {} });
      }
      return result;
    };

    const run = await drill([], { tap });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `[00:00] failed: rds:RestoreDBInstanceToPointInTime on ${SCRATCH} in eu-west-1 failed: InternalFailure: We encountered an internal error. Please try again.`,
    );
    expect(run.stdout).toContain(`Clean-up:       removed RDS instance ${SCRATCH}; nothing left behind`);
    expect(run.stdout.split('\n').pop()).toBe(
      `Drill FAILED: rds:RestoreDBInstanceToPointInTime on ${SCRATCH} in eu-west-1 failed: InternalFailure: We encountered an internal error. Please try again.`,
    );
    await expectNothingLeft();
    expectSourceUntouched();
  });

  test('GIVEN a restore slower than --timeout WHEN the drill waits THEN it gives up, deletes the copy and exits 1', async () => {
    const run = await drill(['--timeout', '1'], { tap: slowRestore(/-drill-/) });

    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('[00:00] status: creating');
    expect(lines).toContain(`[01:00] failed: Timed out after 1m00s waiting for ${SCRATCH} (status creating).`);
    expect(lines).toContain(`[01:00] deleting RDS instance ${SCRATCH} (no final snapshot, automated backups deleted)`);
    expect(lines).toContain(`Clean-up:       removed RDS instance ${SCRATCH}; nothing left behind`);
    await expectNothingLeft();
    expectSourceUntouched();
  });

  test('GIVEN Ctrl-C while the copy is being created WHEN the drill stops THEN it cleans up, says what it removed and exits 130', async () => {
    const interrupt = new AbortController();
    const onLine = (line: string) => {
      if (line.includes('status: creating')) interrupt.abort();
    };

    const run = await drill([], { tap: slowRestore(/-drill-/), interrupts: { signal: interrupt.signal, abandon: new AbortController().signal }, onLine });

    expect(run.code).toBe(130);
    expect(run.stdout).toContain('[00:00] interrupted: cleaning up');
    expect(run.stdout).toContain(`Clean-up:       removed RDS instance ${SCRATCH}; nothing left behind`);
    expect(run.stdout.split('\n').pop()).toBe('Drill INTERRUPTED: Interrupted (Ctrl-C).');
    await expectNothingLeft();
    expectSourceUntouched();
  });

  test('GIVEN a second Ctrl-C while the copy cannot be deleted yet WHEN the clean-up is abandoned THEN the report names what is left and how to remove it', async () => {
    const interrupt = new AbortController();
    const abandon = new AbortController();
    const slow = slowRestore(/-drill-/);
    const tap: RdsTap = async (call, send) => {
      if (call.command === 'DeleteDBInstance') {
        throw Object.assign(new Error(`Instance ${SCRATCH} is not in available state.`), { name: 'InvalidDBInstanceStateFault', $metadata: {} });
      }
      return slow(call, send);
    };
    const onLine = (line: string) => {
      if (line.includes('status: creating')) interrupt.abort();
      if (line.includes('cannot delete yet')) abandon.abort();
    };

    const run = await drill([], { tap, interrupts: { signal: interrupt.signal, abandon: abandon.signal }, onLine });

    expect(run.code).toBe(130);
    expect(run.stdout).toContain(`cannot delete yet: ${SCRATCH} is creating`);
    expect(run.stdout).toContain(`Clean-up:       Clean-up abandoned (second Ctrl-C); LEFT BEHIND: RDS instance ${SCRATCH} (creating)`);
    expect(run.stdout).toContain(`to remove it by hand: aws rds delete-db-instance --region eu-west-1 --db-instance-identifier ${SCRATCH}`);
    // Remove what the abandoned drill left, as the report says.
    await rdsClient(endpoint()).send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: SCRATCH, DeletionProtection: false, ApplyImmediately: true }));
    await rdsClient(endpoint()).send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: SCRATCH, SkipFinalSnapshot: true, DeleteAutomatedBackups: true }));
    await expectNothingLeft();
  });

  test('GIVEN a resource already named like the scratch copy WHEN the drill starts THEN it exits 2 and touches nothing', async () => {
    await seedScratchLookalike();

    const run = await drill([]);

    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `dbctl: ${SCRATCH} exists already (another drill started in the same second?). Nothing was created; run the drill again.`,
    );
    expect(calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command))).toEqual([]);
  });

  test('GIVEN the RDS drill strategy WHEN asked to delete the source or an untagged look-alike THEN it refuses', async () => {
    await seedScratchLookalike();
    const clients = createAwsClients({ endpointUrl: endpoint() });
    const strategy = new RdsInstanceDrill(sample.db, {
      plan: sample.plan,
      aws: sample.plan.aws!,
      clients,
      keys: new KeyResolver(clients),
      clock: fakeClock(DRILL_START),
      progress: () => undefined,
      signal: new AbortController().signal,
    });

    await expect(strategy.requestDeletion('sample-orders')).rejects.toThrow('BUG: refusing to modify sample-orders: not a drill copy of sample-orders');
    await expect(strategy.requestDeletion(SCRATCH)).rejects.toThrow(
      `Refusing to delete ${SCRATCH}: it is not tagged dbctl:drill=true and dbctl:drill-source=sample-orders.`,
    );
    expect((await instances()).map((i) => i.DBInstanceIdentifier).sort()).toEqual(['sample-orders', SCRATCH]);
  });

  test('GIVEN the source does not exist WHEN the drill runs THEN it fails with exit 1 and creates nothing', async () => {
    await rdsClient(endpoint()).send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: sample.db.identifier, DeletionProtection: false, ApplyImmediately: true }),
    );
    await rdsClient(endpoint()).send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: sample.db.identifier, SkipFinalSnapshot: true }));
    calls.length = 0;

    const run = await drill([]);

    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').pop()).toBe('Drill FAILED: RDS instance sample-orders not found in eu-west-1: nothing to restore from.');
    expect(calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command))).toEqual([]);
  });

  test('GIVEN a source without automated backups WHEN the drill runs THEN it fails with exit 1: there is nothing to restore', async () => {
    await rdsClient(endpoint()).send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: sample.db.identifier, BackupRetentionPeriod: 0, ApplyImmediately: true }),
    );
    calls.length = 0;

    const run = await drill([]);

    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').pop()).toBe(
      'Drill FAILED: sample-orders has no latest restorable time: automated backups are off, so it cannot be restored to a point in time.',
    );
    expect(calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command))).toEqual([]);
  });

  async function seedScratchLookalike() {
    const { CreateDBInstanceCommand } = await import('@aws-sdk/client-rds');
    await rdsClient(endpoint()).send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: SCRATCH, Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: 20 }),
    );
  }
});
