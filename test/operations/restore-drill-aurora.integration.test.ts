/**
 * dbctl restore-drill of an Aurora cluster against moto_server, end to end: RestoreDBClusterToPointInTime into a
 * scratch cluster, one instance in it, wait, check, then delete the instance and the cluster; and the clean-up after
 * a failure and Ctrl-C. Every mutating call must name the scratch cluster or its instance, never the source.
 */
import { DescribeDBClustersCommand, DescribeDBClusterSnapshotsCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { createAwsClients } from '../../lib/operations/aws/aws-clients';
import { KeyResolver } from '../../lib/operations/aws/kms-keys';
import { AuroraClusterDrill } from '../../lib/operations/drill/aurora-cluster-drill';
import { fakeClock } from '../../lib/operations/runtime';
import type { AuroraClusterPlan } from '../../lib/plan/plan-types';
import { describeWithTool } from '../support/local-tools';
import { AuroraSeeded, SAMPLE_AURORA_CLUSTER, seedAuroraCluster } from './support/aurora-sample';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl, DRILL_START } from './support/run-dbctl';
import { ENVIRONMENT, rdsClient, samplePlan, writeSampleConfig } from './support/sample-account';
import { MUTATING_RDS_COMMANDS, passThrough, RdsCall, RdsTap, slowRestore, tappedClients } from './support/tapped-clients';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

/** The scratch names for DRILL_START (2026-03-14T09:26:53Z). */
const SCRATCH = 'sample-payments-drill-20260314-092653';
const SCRATCH_INSTANCE = `${SCRATCH}-1`;

describeMoto('dbctl restore-drill of an Aurora cluster against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let cluster: AuroraClusterPlan;
  let seeded: AuroraSeeded;
  let calls: RdsCall[];

  beforeEach(async () => {
    sample.configDir = writeSampleConfig(sample.network, (config) => config.databases.push(structuredClone(SAMPLE_AURORA_CLUSTER)));
    cluster = samplePlan(sample.configDir).plan.databases['aurora-cluster'][0];
    seeded = await seedAuroraCluster(endpoint(), cluster, sample.network);
    calls = [];
  });

  const drill = (args: string[], options: { tap?: RdsTap; interrupts?: { signal: AbortSignal; abandon: AbortSignal }; onLine?: (line: string) => void } = {}) =>
    dbctl(['restore-drill', '--env', ENVIRONMENT, '--database', 'payments', '--endpoint-url', endpoint(), ...args], {
      configDir: sample.configDir,
      createClients: tappedClients(options.tap ?? passThrough, calls),
      interrupts: options.interrupts,
      onLine: options.onLine,
    });

  async function sourceState() {
    const rds = rdsClient(endpoint());
    const { LatestRestorableTime: _ignored, ...source } = (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'sample-payments' })))
      .DBClusters![0];
    return source;
  }

  /** Nothing of any drill copy in the source's region: no cluster, no instance, no cluster snapshot. */
  async function expectNothingLeft() {
    const rds = rdsClient(endpoint());
    expect(((await rds.send(new DescribeDBClustersCommand({}))).DBClusters ?? []).map((c) => c.DBClusterIdentifier)).toEqual(['sample-payments']);
    expect(((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).map((i) => i.DBInstanceIdentifier).sort()).toEqual([
      'sample-payments-reader-1',
      'sample-payments-writer',
    ]);
    // moto 5.2.1 ignores DeleteAutomatedBackups and keeps the deleted cluster's automated snapshot; AWS removes it.
    const snapshots = (await rds.send(new DescribeDBClusterSnapshotsCommand({}))).DBClusterSnapshots ?? [];
    expect(snapshots.filter((s) => s.DBClusterIdentifier !== 'sample-payments' && s.SnapshotType !== 'automated')).toEqual([]);
  }

  function expectSourceUntouched() {
    const mutating = calls.filter((c) => MUTATING_RDS_COMMANDS.test(c.command));
    expect(mutating.length).toBeGreaterThan(0);
    for (const call of mutating) {
      const target = call.input.DBInstanceIdentifier ?? call.input.DBClusterIdentifier;
      expect(`${call.command} ${target}`).toMatch(new RegExp(`^${call.command} ${SCRATCH}(-1)?$`));
    }
  }

  test('GIVEN a healthy global cluster WHEN a drill runs THEN it restores a cluster and an instance, checks, deletes both and exits 0', async () => {
    const before = await sourceState();

    const run = await drill(['--latest']);

    expect(run.code).toBe(0);
    expect(calls.find((c) => c.command === 'RestoreDBClusterToPointInTime')!.input).toEqual({
      SourceDBClusterIdentifier: 'sample-payments',
      DBClusterIdentifier: SCRATCH,
      RestoreType: 'full-copy',
      UseLatestRestorableTime: true,
      DBSubnetGroupName: seeded.subnetGroup,
      DBClusterParameterGroupName: seeded.clusterParameterGroup,
      KmsKeyId: cluster.keyAliasArn,
      DeletionProtection: false,
      CopyTagsToSnapshot: false,
      Tags: [
        { Key: 'dbctl:drill', Value: 'true' },
        { Key: 'dbctl:drill-source', Value: 'sample-payments' },
        { Key: 'dbctl:drill-started', Value: '2026-03-14T09:26:53.000Z' },
      ],
    });
    expect(calls.find((c) => c.command === 'CreateDBInstance')!.input).toEqual({
      DBInstanceIdentifier: SCRATCH_INSTANCE,
      DBClusterIdentifier: SCRATCH,
      Engine: 'aurora-postgresql',
      DBInstanceClass: 'db.r7g.large',
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: false,
      Tags: expect.arrayContaining([{ Key: 'dbctl:drill', Value: 'true' }]),
    });
    expect(calls.filter((c) => /^Delete/.test(c.command)).map((c) => c.input)).toEqual([
      { DBInstanceIdentifier: SCRATCH_INSTANCE, SkipFinalSnapshot: true },
      { DBClusterIdentifier: SCRATCH, SkipFinalSnapshot: true, DeleteAutomatedBackups: true },
    ]);
    const lines = run.stdout.split('\n');
    expect(lines).toContain("  placement      one instance db.r7g.large (the source writer's class), not public");
    expect(lines).toContain('[00:00] status: cluster available, instance available');
    expect(lines).toContain(`[00:00] deleted ${SCRATCH}: nothing left behind`);
    expect(lines).toContain('10 checks: 10 passed, 0 failed');
    expect(lines).toContain(`Clean-up:       removed Aurora instance ${SCRATCH_INSTANCE}, Aurora cluster ${SCRATCH}; nothing left behind`);
    expect(lines[lines.length - 1]).toBe('Drill PASSED');
    await expectNothingLeft();
    expectSourceUntouched();
    expect(await sourceState()).toEqual(before);
  });
  test('GIVEN CreateDBInstance fails after the cluster was restored WHEN the drill runs THEN it deletes the scratch cluster and exits 1', async () => {
    const tap: RdsTap = async (call, send) => {
      if (call.command === 'CreateDBInstance') {
        throw Object.assign(new Error('DB instance quota exceeded.'), { name: 'InstanceQuotaExceededFault', $metadata: {} });
      }
      return send();
    };

    const run = await drill([], { tap });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `[00:00] failed: rds:CreateDBInstance on ${SCRATCH_INSTANCE} in eu-west-1 failed: InstanceQuotaExceededFault: DB instance quota exceeded.`,
    );
    expect(run.stdout).toContain(`Clean-up:       removed Aurora cluster ${SCRATCH}; nothing left behind`);
    await expectNothingLeft();
    expectSourceUntouched();
  });

  test('GIVEN Ctrl-C while the instance is being created WHEN the drill stops THEN it deletes the instance and the cluster, exit 130', async () => {
    const interrupt = new AbortController();
    const onLine = (line: string) => {
      if (line.includes('instance creating')) interrupt.abort();
    };

    const run = await drill([], { tap: slowRestore(/-drill-/), interrupts: { signal: interrupt.signal, abandon: new AbortController().signal }, onLine });

    expect(run.code).toBe(130);
    expect(run.stdout).toContain('[00:00] status: cluster available, instance creating');
    expect(run.stdout).toContain(`Clean-up:       removed Aurora instance ${SCRATCH_INSTANCE}, Aurora cluster ${SCRATCH}; nothing left behind`);
    expect(run.stdout.split('\n').pop()).toBe('Drill INTERRUPTED: Interrupted (Ctrl-C).');
    await expectNothingLeft();
    expectSourceUntouched();
  });

  test('GIVEN the Aurora drill strategy WHEN asked to delete the source THEN it refuses and the source stays', async () => {
    const clients = createAwsClients({ endpointUrl: endpoint() });
    const plan = samplePlan(sample.configDir).plan;
    const strategy = new AuroraClusterDrill(cluster, {
      plan,
      aws: plan.aws!,
      clients,
      keys: new KeyResolver(clients),
      clock: fakeClock(DRILL_START),
      progress: () => undefined,
      signal: new AbortController().signal,
    });

    expect(strategy.scratchIdentifier(DRILL_START)).toBe(SCRATCH);
    await expect(strategy.requestDeletion('sample-payments')).rejects.toThrow('BUG: refusing to modify sample-payments: not a drill copy of sample-payments');
    await expectNothingLeft();
  });
});
