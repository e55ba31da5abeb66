/**
 * dbctl verify of each planned region's AWS Backup plans against moto_server. moto 5.2.1 implements backup plans
 * (CreateBackupPlan, ListBackupPlans, GetBackupPlan) but not selections (no CreateBackupSelection or
 * ListBackupSelections): the selection row is compared in backup-plan-checks.test.ts and here says "not checked".
 */
import type { CheckResult } from '../../lib/operations/check-result';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { backupRulesOf, ENVIRONMENT, seedRdsInstance } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

describeMoto('dbctl verify of the AWS Backup plans against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;

  async function planRows() {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--endpoint-url', endpoint(), '--json'], { configDir: sample.configDir });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    return { run, rows: checks.filter((c) => c.kind === 'backup-plan') };
  }

  test("GIVEN the plan with the tier's rules and copy WHEN verify runs THEN the plan and rule rows pass and the selection is not checked (moto)", async () => {
    await seedRdsInstance(endpoint(), sample.db, sample.network);
    const { run, rows } = await planRows();
    const plan = sample.plan.aws!.regions[0].backupPlans[0];
    expect(rows.map((r) => `${r.database} ${r.resource} ${r.check} ${r.status}`)).toEqual([
      `eu-west-1 ${plan.name} backup plan pass`,
      ...plan.rules.map((rule) => `eu-west-1 ${plan.name} rule ${rule.name} pass`),
      `eu-west-1 ${plan.name} selection skip`,
    ]);
    expect(rows.find((r) => r.check === 'selection')!.live).toMatch(/^not checked: backup:ListBackupSelections on .* failed: /);
    expect(rows.find((r) => r.check === `rule ${plan.rules[0].name}`)!.planned).toBe(
      `${plan.rules[0].scheduleExpression}, ${plan.rules[0].retentionDays} days → sample-databases, copy ${plan.rules[0].copyTo!.retentionDays} days → ${plan.rules[0].copyTo!.vaultArn}`,
    );
    expect(run.code).toBe(0);
  });

  test('GIVEN a rule without its cross-region copy and a shorter retention WHEN verify runs THEN that rule row fails with both sides', async () => {
    await sample.moto.reset();
    const { seedFoundation, defaultNetwork } = await import('./support/sample-account');
    sample.network = await defaultNetwork(endpoint());
    await seedFoundation(endpoint(), sample.plan, {
      changeRules: (plan) =>
        backupRulesOf(plan, 'sample-databases').map((rule, i) => (i === 0 ? { ...rule, CopyActions: undefined, Lifecycle: { DeleteAfterDays: 7 } } : rule)),
    });
    await seedRdsInstance(endpoint(), sample.db, sample.network);
    const { run, rows } = await planRows();
    const rule = sample.plan.aws!.regions[0].backupPlans[0].rules[0];
    expect(rows.filter((r) => r.status === 'fail').map((r) => ({ check: r.check, live: r.live }))).toEqual([
      { check: `rule ${rule.name}`, live: `${rule.scheduleExpression}, 7 days → sample-databases` },
    ]);
    expect(run.code).toBe(1);
  });

  test('GIVEN no plan in the region WHEN verify runs THEN the plan row fails', async () => {
    await sample.moto.reset();
    const { seedFoundation, defaultNetwork } = await import('./support/sample-account');
    sample.network = await defaultNetwork(endpoint());
    await seedFoundation(endpoint(), sample.plan, { skipVaults: ['eu-west-1'] });
    await seedRdsInstance(endpoint(), sample.db, sample.network);
    const { rows } = await planRows();
    expect(rows.map((r) => `${r.database} ${r.check} ${r.status}: ${r.live}`)).toEqual([`eu-west-1 backup plan fail: not found in eu-west-1`]);
  });
});
