/**
 * dbctl verify of an Aurora global database against moto_server (moto 5.2.1 has Aurora clusters, global clusters
 * and Serverless v2 scaling): the primary cluster with a writer and a reader in eu-west-1, the secondary cluster with
 * a reader in eu-central-1, created through the SDK as the stacks would; then changed one way at a time.
 */
import { DeleteDBInstanceCommand, ModifyDBClusterCommand } from '@aws-sdk/client-rds';
import type { CheckResult } from '../../lib/operations/check-result';
import type { AuroraClusterPlan } from '../../lib/plan/plan-types';
import { describeWithTool } from '../support/local-tools';
import { SAMPLE_AURORA_CLUSTER, seedAuroraCluster } from './support/aurora-sample';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { ENVIRONMENT, rdsClient, samplePlan, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

describeMoto('dbctl verify of an Aurora global database against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let cluster: AuroraClusterPlan;

  function useConfig(change: (db: any) => void = () => undefined) {
    sample.configDir = writeSampleConfig(sample.network, (config) => {
      const db = structuredClone(SAMPLE_AURORA_CLUSTER);
      change(db);
      config.databases.push(db);
    });
    cluster = samplePlan(sample.configDir).plan.databases['aurora-cluster'][0];
  }
  beforeEach(() => useConfig());

  async function verifyJson() {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--database', 'payments', '--endpoint-url', endpoint(), '--json'], {
      configDir: sample.configDir,
    });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    const failed = checks.filter((c) => c.status === 'fail').map(({ resource, check, planned, live }) => ({ resource, check, planned, live }));
    return { run, checks, failed };
  }

  test('GIVEN the global database as planned WHEN verify runs THEN every cluster, instance and alarm row passes, exit 0', async () => {
    await seedAuroraCluster(endpoint(), cluster, sample.network);

    const { run, checks, failed } = await verifyJson();

    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(checks.filter((c) => !c.check.startsWith('alarm')).map((c) => `${c.resource} ${c.check}: ${c.planned}`)).toEqual([
      'sample-payments status: available',
      'sample-payments account: 123456789012',
      'sample-payments engine: aurora-postgresql',
      'sample-payments engine version: 16.9',
      'sample-payments encryption: alias/sample-databases in eu-west-1',
      'sample-payments backup retention: 35 days',
      'sample-payments point-in-time recovery: latest restorable time within 5 min',
      'sample-payments restore window: 35 days',
      'sample-payments deletion protection: on',
      'sample-payments global database: writer of sample-payments-global',
      'sample-payments-writer status: available',
      'sample-payments-writer role: writer in sample-payments',
      'sample-payments-writer instance class: db.r7g.large',
      'sample-payments-writer promotion tier: 0',
      'sample-payments-reader-1 status: available',
      'sample-payments-reader-1 role: reader in sample-payments',
      'sample-payments-reader-1 instance class: db.r7g.large',
      'sample-payments-reader-1 promotion tier: 1',
      // Only the primary carries the tag its region's AWS Backup plan selects.
      'sample-payments backup selection: backup-plan=sample-databases-eu-west-1 (selected into sample-databases-eu-west-1)',
      // The secondary cluster, read in its own region with its region's key; recovery rows belong to the primary.
      'sample-payments-eu-central-1 status: available',
      'sample-payments-eu-central-1 account: 123456789012',
      'sample-payments-eu-central-1 engine: aurora-postgresql',
      'sample-payments-eu-central-1 engine version: 16.9',
      'sample-payments-eu-central-1 encryption: alias/sample-databases in eu-central-1',
      'sample-payments-eu-central-1 backup retention: 35 days',
      'sample-payments-eu-central-1 deletion protection: on',
      'sample-payments-eu-central-1 global database: secondary of sample-payments-global',
      'sample-payments-eu-central-1-reader-1 status: available',
      'sample-payments-eu-central-1-reader-1 role: reader in sample-payments-eu-central-1',
      'sample-payments-eu-central-1-reader-1 instance class: db.r7g.large',
      'sample-payments-eu-central-1-reader-1 promotion tier: 0',
    ]);
    const alarms = [cluster, ...cluster.global!.secondaries].flatMap((c) => [...c.clusterAlarms, ...c.instances.flatMap((i) => i.alarms)]);
    expect(checks.filter((c) => c.check.startsWith('alarm'))).toHaveLength(2 * alarms.length);
    expect(checks.filter((c) => c.status === 'skip')).toEqual([]);
  });

  test('GIVEN the reader missing WHEN verify runs THEN only the reader is reported missing, its alarms still pass, exit 1', async () => {
    await seedAuroraCluster(endpoint(), cluster, sample.network, { skipInstances: ['sample-payments-reader-1'] });

    const { run, failed } = await verifyJson();

    expect(run.code).toBe(1);
    expect(failed).toEqual([{ resource: 'sample-payments-reader-1', check: 'exists', planned: 'reader in sample-payments', live: 'not found in eu-west-1' }]);
  });

  test('GIVEN backup retention lowered to 7 days WHEN verify runs THEN only the retention check fails, with both values, exit 1', async () => {
    await seedAuroraCluster(endpoint(), cluster, sample.network);
    await rdsClient(endpoint()).send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'sample-payments', BackupRetentionPeriod: 7, ApplyImmediately: true }));

    const { run, failed } = await verifyJson();

    expect(run.code).toBe(1);
    expect(failed).toEqual([{ resource: 'sample-payments', check: 'backup retention', planned: '35 days', live: '7 days' }]);
  });

  test('GIVEN the secondary detached and the writer deleted (the reader took over) WHEN verify runs THEN each is a row', async () => {
    // moto 5.2.1's RemoveFromGlobalCluster is a silent no-op across regions: seed the secondary already detached.
    await seedAuroraCluster(endpoint(), cluster, sample.network, { detachedSecondaries: true });
    await rdsClient(endpoint()).send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'sample-payments-writer', SkipFinalSnapshot: true }));

    const { failed } = await verifyJson();

    expect(failed).toEqual([
      { resource: 'sample-payments-writer', check: 'exists', planned: 'writer in sample-payments', live: 'not found in eu-west-1' },
      { resource: 'sample-payments-reader-1', check: 'role', planned: 'reader in sample-payments', live: 'writer in sample-payments' },
      {
        resource: 'sample-payments-eu-central-1',
        check: 'global database',
        planned: 'secondary of sample-payments-global',
        live: 'not a member of sample-payments-global',
      },
    ]);
  });

  test('GIVEN a Serverless v2 cluster scaled to another range WHEN verify runs THEN the capacity row shows both ranges', async () => {
    useConfig((db) => {
      delete db.instanceClass;
      delete db.secondaryRegions;
      db.serverlessV2 = { minCapacity: 0.5, maxCapacity: 4 };
    });
    await seedAuroraCluster(endpoint(), cluster, sample.network, { cluster: { ServerlessV2ScalingConfiguration: { MinCapacity: 1, MaxCapacity: 8 } } });

    const { checks, failed } = await verifyJson();

    expect(checks.find((c) => c.resource === 'sample-payments-writer' && c.check === 'instance class')).toMatchObject({
      status: 'pass',
      planned: 'db.serverless',
    });
    expect(failed).toEqual([{ resource: 'sample-payments', check: 'capacity', planned: 'Serverless v2 0.5–4 ACUs', live: 'Serverless v2 1–8 ACUs' }]);
  });
});
