/**
 * The drill sequence with a scripted strategy and a fake clock: waits of minutes take no time and every line of
 * progress is deterministic. Whatever fails after the restore request, the clean-up runs.
 */
import type { CheckResult } from '../../lib/operations/check-result';
import type { DeletionRequest, DrillStrategy, ScratchResource, ScratchState } from '../../lib/operations/drill/drill-strategy';
import { DrillOptions, runRestoreDrill } from '../../lib/operations/drill/run-drill';
import { drillReportText } from '../../lib/operations/report/drill-report';
import { fakeClock } from '../../lib/operations/runtime';

const START = new Date('2026-03-14T09:26:53Z');
const SCRATCH = 'prod-orders-drill-20260314-092653';

const OPTIONS: DrillOptions = {
  environment: 'prod',
  database: 'orders',
  point: { kind: 'latest' },
  keep: false,
  timeoutMs: 60 * 60_000,
  deletionTimeoutMs: 30 * 60_000,
  pollMs: 30_000,
  heartbeatMs: 5 * 60_000,
};

const passedCheck: CheckResult = {
  database: 'orders',
  kind: 'rds-instance',
  resource: SCRATCH,
  check: 'status',
  status: 'pass',
  planned: 'available',
  live: 'available',
};

/** A strategy that replays a list of statuses (one per poll) and records what it was asked to do. */
class ScriptedStrategy implements DrillStrategy {
  readonly label = 'RDS instance';
  readonly deletionNote = 'no final snapshot, automated backups deleted';
  readonly source = 'prod-orders';
  readonly region = 'eu-west-1';
  readonly calls: string[] = [];
  exists = false;
  deleted = false;
  restoreError?: Error;
  checks: CheckResult[] = [passedCheck];
  notYet = 0;
  leftover: ScratchResource[] = [];

  constructor(private readonly statuses: string[]) {}

  scratchIdentifier = () => SCRATCH;
  readSource = async () => ({
    summary: 'available, postgres 17.6',
    window: { latest: new Date('2026-03-14T09:25:00Z') },
    placement: ['subnet group db-subnets'],
  });
  scratchExists = async () => false;
  async restore() {
    this.calls.push('restore');
    this.exists = true;
    if (this.restoreError) throw this.restoreError;
  }
  async state(): Promise<ScratchState | undefined> {
    if (!this.exists) return undefined;
    if (this.deleted) {
      this.exists = false;
      return { status: 'deleting', ready: false };
    }
    const status = this.statuses.length > 1 ? this.statuses.shift()! : this.statuses[0];
    return { status, ready: status === 'available', failed: status === 'incompatible-restore' };
  }
  checkRestored = async () => this.checks;
  async requestDeletion(): Promise<DeletionRequest> {
    this.calls.push('delete');
    if (!this.exists) return { requested: [] };
    if (this.notYet > 0) {
      this.notYet--;
      return { notYet: `${SCRATCH} is creating` };
    }
    this.deleted = true;
    return { requested: [{ type: 'RDS instance', id: SCRATCH }] };
  }
  leftovers = async () => this.leftover;
  manualCleanup = () => `aws rds delete-db-instance --db-instance-identifier ${SCRATCH}`;
}

async function drill(strategy: ScriptedStrategy, options: Partial<DrillOptions> = {}, signals: { signal?: AbortSignal; abandon?: AbortSignal } = {}) {
  const lines: string[] = [];
  const report = await runRestoreDrill(
    strategy,
    { ...OPTIONS, ...options },
    {
      clock: fakeClock(START),
      progress: (line) => lines.push(line),
      signal: signals.signal ?? new AbortController().signal,
      abandon: signals.abandon ?? new AbortController().signal,
    },
  );
  return { report, lines, text: drillReportText(report) };
}

describe('restore drill sequence', () => {
  test('GIVEN a restore that takes 12 minutes THEN progress shows elapsed time and status changes, and the time is measured', async () => {
    const strategy = new ScriptedStrategy([...Array(20).fill('creating'), ...Array(4).fill('backing-up'), 'available']);

    const { report, lines } = await drill(strategy);

    expect(lines).toEqual([
      'Restore drill: prod › orders (RDS instance prod-orders, eu-west-1)',
      '  source         available, postgres 17.6',
      '  restore point  latest restorable time (2026-03-14T09:25:00Z when requested)',
      `  scratch copy   ${SCRATCH} (tagged dbctl:drill=true)`,
      '  placement      subnet group db-subnets',
      `[00:00] restore requested: prod-orders → ${SCRATCH}`,
      '[00:00] status: creating',
      '[05:00] still creating',
      '[10:00] status: backing-up',
      '[12:00] status: available',
      `[12:00] ${SCRATCH} available after 12m00s`,
      `[12:00] deleting RDS instance ${SCRATCH} (no final snapshot, automated backups deleted)`,
      '[12:00] status: deleting',
      `[12:30] deleted ${SCRATCH}: nothing left behind`,
    ]);
    expect(report).toMatchObject({ outcome: 'passed', restoreSeconds: 720, scratch: SCRATCH, cleanup: { removed: [{ id: SCRATCH }], left: [] } });
    expect(report.events[0]).toEqual({ atSeconds: 0, message: `restore requested: prod-orders → ${SCRATCH}` });
  });

  test('GIVEN a failed check of the copy THEN the drill fails and the copy is still deleted', async () => {
    const strategy = new ScriptedStrategy(['available']);
    strategy.checks = [{ ...passedCheck, check: 'encryption', status: 'fail', planned: 'same key', live: 'not encrypted' }];

    const { report, text } = await drill(strategy);

    expect(report.outcome).toBe('failed');
    expect(report.failure).toBe('1 check of the restored copy failed.');
    expect(strategy.calls).toEqual(['restore', 'delete']);
    expect(text.split('\n').pop()).toBe('Drill FAILED: 1 check of the restored copy failed.');
  });

  test('GIVEN a status from which the restore cannot recover THEN the drill fails and cleans up', async () => {
    const strategy = new ScriptedStrategy(['creating', 'incompatible-restore']);

    const { report } = await drill(strategy);

    expect(report.failure).toBe("The restore ended in status 'incompatible-restore'.");
    expect(report.cleanup.removed).toEqual([{ type: 'RDS instance', id: SCRATCH }]);
  });

  test('GIVEN a restore request that fails before anything exists THEN the clean-up finds nothing to remove', async () => {
    const strategy = new ScriptedStrategy(['available']);
    strategy.restoreError = new Error('InsufficientDBInstanceCapacity');
    strategy.exists = false;
    strategy.restore = async () => {
      throw strategy.restoreError;
    };

    const { report, lines, text } = await drill(strategy);

    expect(report.outcome).toBe('failed');
    expect(lines).toContain('[00:00] nothing to remove: no scratch copy exists');
    expect(text).toContain('Clean-up:       nothing was created');
  });

  test('GIVEN the time limit THEN the drill stops waiting, says so, and cleans up', async () => {
    const strategy = new ScriptedStrategy(['creating']);

    const { report, lines } = await drill(strategy, { timeoutMs: 10 * 60_000 });

    expect(report.failure).toBe(`Timed out after 10m00s waiting for ${SCRATCH} (status creating).`);
    expect(lines).toContain(`[10:00] failed: Timed out after 10m00s waiting for ${SCRATCH} (status creating).`);
    expect(report.cleanup.removed).toHaveLength(1);
  });

  test('GIVEN a copy that cannot be deleted yet THEN the clean-up waits and asks again', async () => {
    const strategy = new ScriptedStrategy(['creating']);
    strategy.notYet = 3;

    const { report, lines } = await drill(strategy, { timeoutMs: 60_000 });

    expect(lines.filter((l) => l.includes('cannot delete yet'))).toEqual([`[01:00] cannot delete yet: ${SCRATCH} is creating`]);
    expect(strategy.calls.filter((c) => c === 'delete')).toHaveLength(4);
    expect(report.cleanup.removed).toHaveLength(1);
  });

  test('GIVEN --keep and a passed drill THEN nothing is deleted and the report says how to remove it', async () => {
    const strategy = new ScriptedStrategy(['available']);

    const { report, text } = await drill(strategy, { keep: true });

    expect(strategy.calls).toEqual(['restore']);
    expect(report.cleanup.kept).toEqual([{ type: 'RDS instance', id: SCRATCH }]);
    expect(text).toContain(`to remove it by hand: aws rds delete-db-instance --db-instance-identifier ${SCRATCH}`);
  });

  test('GIVEN --keep and a failed drill THEN the copy is deleted anyway', async () => {
    const strategy = new ScriptedStrategy(['incompatible-restore']);

    const { report } = await drill(strategy, { keep: true });

    expect(report.cleanup.kept).toEqual([]);
    expect(strategy.calls).toEqual(['restore', 'delete']);
  });

  test('GIVEN something left after the clean-up THEN a passed restore is still a failed drill, naming what is left', async () => {
    const strategy = new ScriptedStrategy(['available']);
    strategy.leftover = [{ type: 'automated backups', id: 'arn:aws:rds:eu-west-1:1:auto-backup:ab-1', state: 'retained' }];

    const { report, text } = await drill(strategy);

    expect(report.outcome).toBe('failed');
    expect(text).toContain(
      `Clean-up:       removed RDS instance ${SCRATCH}; LEFT BEHIND: automated backups arn:aws:rds:eu-west-1:1:auto-backup:ab-1 (retained)`,
    );
    expect(text.split('\n').pop()).toBe('Drill FAILED: The restore passed, but the clean-up did not finish.');
  });

  test('GIVEN Ctrl-C before the restore request THEN nothing is created and the drill is interrupted', async () => {
    const strategy = new ScriptedStrategy(['available']);
    const interrupt = new AbortController();
    interrupt.abort();

    const { report } = await drill(strategy, {}, { signal: interrupt.signal });

    expect(report.outcome).toBe('interrupted');
    expect(strategy.calls).toEqual(['delete']);
    expect(report.cleanup.removed).toEqual([]);
  });
});
