import { loadEnvironments } from '../../lib/environments/load-environments';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { inventoryEntries } from '../../lib/inventory/inventory-entries';
import { buildPlan } from '../../lib/plan/build-plan';
import { withChange } from '../support/fixtures';

const entriesOf = (name: string) => {
  const [env] = loadEnvironments([name]);
  return inventoryEntries(env, buildPlan(env));
};

test('the prod global table: replicas, per-region key, PITR, plan with copy, alarms and its waiver', () => {
  const sessions = entriesOf('prod').find((e) => e.database === 'sessions')!;
  expect(sessions).toMatchObject({
    cloud: 'AWS',
    kind: 'DynamoDB global table',
    size: 'on-demand',
    region: 'eu-west-1',
    replicas: [{ name: 'sessions replica', region: 'eu-central-1' }],
    encryptionKey: 'alias/prod-databases',
    backups: 'PITR 35 d',
    backupPlan: 'daily 35 d, monthly 365 d; copies in eu-central-1',
    pitrWindow: '35 d',
    rpo: '5 min',
  });
  expect(sessions.alarms).toContain('replication-latency-eu-central-1 (ReplicationLatency > 30000, critical)');
  expect(sessions.waivers).toEqual([expect.stringMatching(/^tls-enforced: CloudFormation cannot give a new replica/)]);
});

test('"Backup plan / copy" for AWS databases comes from the plan: staging daily, development none', () => {
  expect(
    entriesOf('staging')
      .filter((e) => e.cloud === 'AWS')
      .map((e) => [e.database, e.backupPlan, e.size]),
  ).toEqual([
    ['orders', 'daily 7 d', 'db.m7g.large (2 vCPU, 8 GiB)'],
    ['catalog', 'daily 7 d', 'db.m7g.large (2 vCPU, 8 GiB)'],
    ['payments', 'daily 7 d', 'db.r6g.large (2 vCPU, 16 GiB) × 2'],
    ['sessions', 'daily 7 d', 'provisioned, autoscaling 5–50 RCU / 5–25 WCU'],
    ['session-cache', 'none (AWS Backup does not cover ElastiCache; the snapshots are the backup)', 'cache.t4g.small (2 vCPU, 1.37 GiB) × 2'],
  ]);
  expect(entriesOf('dev').find((e) => e.database === 'orders')!.backupPlan).toBe('none (the development tier has no AWS Backup plan)');
});

test('an opted-out database shows its reason', () => {
  const env = validateEnvironment(
    'test',
    withChange((c) => (c.aws.backup = { optOuts: [{ database: 'orders', reason: 'rebuilt nightly from the data lake' }] })),
  );
  expect(inventoryEntries(env, buildPlan(env))[0].backupPlan).toBe('opted out: rebuilt nightly from the data lake');
});
