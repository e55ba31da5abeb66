/**
 * A restore drill, whatever the database kind: read the source, restore a scratch copy to the chosen point, wait
 * for it with progress, check it, measure the restore time, then delete the copy. Whatever happens after the
 * restore request (a failed check, an error, the time limit, Ctrl-C), the clean-up runs and reports what it removed
 * and anything left behind. A second Ctrl-C abandons the clean-up and prints the command that finishes it.
 */
import type { CheckResult } from '../check-result';
import { OperationError, usageError } from '../operation-error';
import { elapsedStamp, formatDuration } from '../report/format';
import { DeadlineScope } from '../deadline-scope';
import type { Clock } from '../runtime';
import type { DrillStrategy, ScratchResource } from './drill-strategy';
import { checkRestorePoint, describeRestorePoint, RestorePoint } from './restore-point';

export interface DrillOptions {
  readonly environment: string;
  readonly database: string;
  readonly point: RestorePoint;
  readonly keep: boolean;
  /** How long to wait for the restored copy to become available. */
  readonly timeoutMs: number;
  /** How long to wait for the copy to be gone after deleting it. */
  readonly deletionTimeoutMs: number;
  readonly pollMs: number;
  /** A "still <status>" line after this long without a change. */
  readonly heartbeatMs: number;
}

export const DEFAULT_DRILL_TIMINGS = {
  timeoutMs: 120 * 60_000,
  deletionTimeoutMs: 60 * 60_000,
  pollMs: 30_000,
  heartbeatMs: 5 * 60_000,
};

export interface DrillDeps {
  readonly clock: Clock;
  readonly progress: (line: string) => void;
  /** First Ctrl-C: stop the drill and clean up. */
  readonly signal: AbortSignal;
  /** Second Ctrl-C: stop cleaning up. */
  readonly abandon: AbortSignal;
  /** The phase deadline the AWS clients read: the drill runs within --timeout, the clean-up within its own limit. */
  readonly deadlines?: DeadlineScope;
}

export type DrillOutcome = 'passed' | 'failed' | 'interrupted';

export interface DrillEvent {
  readonly atSeconds: number;
  readonly message: string;
}

export interface DrillCleanup {
  readonly removed: readonly ScratchResource[];
  readonly kept: readonly ScratchResource[];
  /** Still there after the clean-up; `state: 'deleting'` means deletion was accepted but had not finished. */
  readonly left: readonly ScratchResource[];
  readonly error?: string;
  /** How to remove the copy by hand, when something is (or may be) left or it was kept. */
  readonly manualCleanup?: string;
}

export interface DrillReport {
  readonly environment: string;
  readonly database: string;
  readonly kind: string;
  readonly source: string;
  readonly region: string;
  readonly scratch?: string;
  readonly restorePoint?: string;
  readonly outcome: DrillOutcome;
  readonly failure?: string;
  /** `usage` or `access` when the failure was not the database's (exit code 2). */
  readonly failureKind?: 'usage' | 'access' | 'drill';
  readonly restoreSeconds?: number;
  readonly checks: readonly CheckResult[];
  readonly cleanup: DrillCleanup;
  readonly events: readonly DrillEvent[];
}

/** A failure of the drill itself (as opposed to a usage or access error). */
export class DrillFailure extends Error {}

const NOTHING_CLEANED: DrillCleanup = { removed: [], kept: [], left: [] };

/** Why the drill phase was cut short by --timeout (the abort reason every call in flight receives). */
export class DrillTimeout extends DrillFailure {
  override readonly name = 'DrillTimeout';
}

export async function runRestoreDrill(strategy: DrillStrategy, options: DrillOptions, deps: DrillDeps): Promise<DrillReport> {
  const deadlines = deps.deadlines ?? new DeadlineScope(deps.signal);
  const timedOut = () => new DrillTimeout(`Timed out: the drill did not finish within --timeout ${formatDuration(options.timeoutMs)}.`);
  // --timeout bounds everything before the clean-up, whatever the service does: a stalled call is cut off with it.
  return deadlines.within(deps.signal, options.timeoutMs, timedOut, (phase) => drill(strategy, options, { ...deps, deadlines }, phase));
}

async function drill(strategy: DrillStrategy, options: DrillOptions, deps: DrillDeps & { deadlines: DeadlineScope }, phase: AbortSignal): Promise<DrillReport> {
  const { clock } = deps;
  const start = clock.now();
  const events: DrillEvent[] = [];
  const log = (message: string) => {
    const at = clock.now().getTime() - start.getTime();
    events.push({ atSeconds: Math.round(at / 1000), message });
    deps.progress(`${elapsedStamp(at)} ${message}`);
  };
  const base = {
    environment: options.environment,
    database: options.database,
    kind: strategy.label,
    source: strategy.source,
    region: strategy.region,
    checks: [] as CheckResult[],
    events,
  };

  deps.progress(`Restore drill: ${options.environment} › ${options.database} (${strategy.label} ${strategy.source}, ${strategy.region})`);
  let source: Awaited<ReturnType<DrillStrategy['readSource']>>;
  try {
    source = await strategy.readSource();
  } catch (error) {
    if (!phase.aborted) throw error;
    const interrupted = deps.signal.aborted;
    return {
      ...base,
      outcome: interrupted ? 'interrupted' : 'failed',
      failureKind: interrupted ? undefined : 'drill',
      failure: interrupted ? 'Interrupted (Ctrl-C).' : (phase.reason as Error).message,
      cleanup: NOTHING_CLEANED,
    };
  }
  if (!source) {
    return {
      ...base,
      outcome: 'failed',
      failureKind: 'drill',
      failure: `${strategy.label} ${strategy.source} not found in ${strategy.region}: nothing to restore from.`,
      cleanup: NOTHING_CLEANED,
    };
  }
  deps.progress(`  source         ${source.summary}`);
  if (!source.window) {
    return {
      ...base,
      outcome: 'failed',
      failureKind: 'drill',
      failure: `${strategy.source} has no latest restorable time: ${source.noWindowReason ?? 'automated backups are off'}, so it cannot be restored to a point in time.`,
      cleanup: NOTHING_CLEANED,
    };
  }
  checkRestorePoint(options.point, source.window, strategy.source);
  const scratch = strategy.scratchIdentifier(start);
  if (await strategy.scratchExists(scratch)) {
    throw usageError(`${scratch} exists already (another drill started in the same second?). Nothing was created; run the drill again.`);
  }
  const restorePoint = describeRestorePoint(options.point, source.window);
  deps.progress(`  restore point  ${restorePoint}`);
  deps.progress(`  scratch copy   ${scratch} (tagged dbctl:drill=true)`);
  for (const line of source.placement) deps.progress(`  placement      ${line}`);

  let outcome: DrillOutcome = 'failed';
  let failure: string | undefined;
  let failureKind: DrillReport['failureKind'];
  let restoreSeconds: number | undefined;
  let checks: CheckResult[] = [];
  try {
    if (deps.signal.aborted) throw deps.signal.reason ?? new Error('Interrupted');
    log(`restore requested: ${strategy.source} → ${scratch}`);
    const requestedAt = clock.now().getTime();
    await strategy.restore(scratch, options.point, start);
    await waitUntilReady(strategy, scratch, options, { ...deps, signal: phase }, log);
    const restoreMs = clock.now().getTime() - requestedAt;
    restoreSeconds = Math.round(restoreMs / 1000);
    log(`${scratch} available after ${formatDuration(restoreMs)}`);
    checks = await strategy.checkRestored(scratch);
    const failed = checks.filter((c) => c.status === 'fail').length;
    if (failed > 0) {
      failure = `${failed} ${failed === 1 ? 'check' : 'checks'} of the restored copy failed.`;
      failureKind = 'drill';
      log(failure);
    } else {
      outcome = 'passed';
    }
  } catch (error) {
    if (deps.signal.aborted) {
      outcome = 'interrupted';
      failure = 'Interrupted (Ctrl-C).';
      log('interrupted: cleaning up');
    } else if (phase.aborted) {
      failure = (phase.reason as Error).message;
      failureKind = 'drill';
      log(`failed: ${failure}`);
    } else {
      failure = error instanceof Error ? error.message : String(error);
      failureKind = error instanceof OperationError && error.kind !== 'service' ? error.kind : 'drill';
      log(`failed: ${failure}`);
    }
  }

  const cleanup = options.keep && outcome === 'passed' ? keepCopy(strategy, scratch, log) : await cleanUp(strategy, scratch, options, deps, log);
  if (outcome === 'passed' && (cleanup.error || cleanup.left.some((r) => r.state !== 'deleting'))) {
    outcome = 'failed';
    failureKind = 'drill';
    failure = 'The restore passed, but the clean-up did not finish.';
  }
  return { ...base, scratch, restorePoint, outcome, failure, failureKind, restoreSeconds, checks, cleanup };
}

async function waitUntilReady(strategy: DrillStrategy, scratch: string, options: DrillOptions, deps: DrillDeps, log: (message: string) => void): Promise<void> {
  const { clock } = deps;
  const deadline = clock.now().getTime() + options.timeoutMs;
  let last: string | undefined;
  let lastLine = clock.now().getTime();
  for (;;) {
    const state = await strategy.state(scratch);
    const status = state?.status ?? 'not visible yet';
    const now = clock.now().getTime();
    if (status !== last) {
      log(`status: ${status}`);
      last = status;
      lastLine = now;
    } else if (now - lastLine >= options.heartbeatMs) {
      log(`still ${status}`);
      lastLine = now;
    }
    if (state?.ready) return;
    if (state?.failed) throw new DrillFailure(`The restore ended in status '${status}'.`);
    if (now >= deadline) {
      throw new DrillFailure(`Timed out after ${formatDuration(options.timeoutMs)} waiting for ${scratch} (status ${status}).`);
    }
    await clock.sleep(Math.min(options.pollMs, deadline - now), deps.signal);
  }
}

function keepCopy(strategy: DrillStrategy, scratch: string, log: (message: string) => void): DrillCleanup {
  const kept = [{ type: strategy.label, id: scratch }];
  log(`kept ${strategy.label} ${scratch} (--keep)`);
  return { removed: [], kept, left: [], manualCleanup: strategy.manualCleanup(scratch) };
}

/** How long the final look for leftovers may take, even after a second Ctrl-C: the report must say what is left. */
const LEFTOVER_CHECK_MS = 2 * 60_000;

async function cleanUp(
  strategy: DrillStrategy,
  scratch: string,
  options: DrillOptions,
  deps: DrillDeps & { deadlines: DeadlineScope },
  log: (message: string) => void,
): Promise<DrillCleanup> {
  const { clock } = deps;
  const deadline = clock.now().getTime() + options.deletionTimeoutMs;
  let removed: readonly ScratchResource[] = [];
  let error: string | undefined;
  const gaveUp = () => new DrillFailure(`Gave up the clean-up after ${formatDuration(options.deletionTimeoutMs)}.`);
  await deps.deadlines.within(deps.abandon, options.deletionTimeoutMs, gaveUp, async (phase) => {
    try {
      let waitingFor: string | undefined;
      for (;;) {
        const request = await strategy.requestDeletion(scratch);
        if ('requested' in request) {
          for (const note of request.notes ?? []) log(note);
          removed = request.requested;
          break;
        }
        if (request.notYet !== waitingFor) log(`cannot delete yet: ${request.notYet}`);
        waitingFor = request.notYet;
        if (clock.now().getTime() >= deadline) throw new DrillFailure(`Gave up deleting ${scratch}: ${request.notYet}`);
        await clock.sleep(options.pollMs, phase);
      }
      if (removed.length === 0) {
        log('nothing to remove: no scratch copy exists');
      } else {
        log(`deleting ${removed.map((r) => `${r.type} ${r.id}`).join(', ')}${strategy.deletionNote ? ` (${strategy.deletionNote})` : ''}`);
        let last: string | undefined;
        for (;;) {
          const state = await strategy.state(scratch);
          if (!state) break;
          if (state.status !== last) log(`status: ${state.status}`);
          last = state.status;
          if (clock.now().getTime() >= deadline) break;
          await clock.sleep(options.pollMs, phase);
        }
      }
    } catch (e) {
      error = deps.abandon.aborted
        ? 'Clean-up abandoned (second Ctrl-C).'
        : phase.aborted
          ? (phase.reason as Error).message
          : e instanceof Error
            ? e.message
            : String(e);
      log(`clean-up: ${error}`);
    }
  });
  // What is left is what a final describe finds, not what the calls above reported: a lost response or a
  // persistent error must not read as "nothing left".
  let left: ScratchResource[] = [];
  try {
    left = await deps.deadlines.within(
      new AbortController().signal,
      LEFTOVER_CHECK_MS,
      () => new DrillFailure('the check took too long'),
      () => strategy.leftovers(scratch),
    );
  } catch (e) {
    error ??= `Could not check for leftovers: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (left.length > 0 && removed.length === 0 && !error)
    log(`left behind: ${left.map((r) => `${r.type} ${r.id}${r.state ? ` (${r.state})` : ''}`).join(', ')}`);
  if (removed.length > 0 && left.length === 0) log(`deleted ${scratch}: nothing left behind`);
  const unfinished = error !== undefined || left.length > 0;
  return { removed, kept: [], left, error, manualCleanup: unfinished ? strategy.manualCleanup(scratch) : undefined };
}
