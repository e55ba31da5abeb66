/**
 * How to drill one kind of database. The orchestrator (run-drill.ts) owns the sequence, the waiting, the progress,
 * the time limit, Ctrl-C and the clean-up; a strategy knows its service's calls. RDS instances restore one instance;
 * an Aurora strategy restores the cluster and then adds an instance to it (state() combines both, requestDeletion()
 * removes the instance, then the cluster); a DynamoDB strategy restores a table. Every method works on the scratch
 * copy only: none may modify the source.
 */
import type { CheckResult } from '../check-result';
import type { RestorableWindow, RestorePoint } from './restore-point';

/** What a drill learns about its source before restoring. */
export interface DrillSource {
  /** One line for the report, e.g. `available, postgres 17.6, db.r6g.large, key/…`. */
  readonly summary: string;
  /** Undefined when the source cannot be restored to a point in time (no backups). */
  readonly window?: RestorableWindow;
  /** Why there is no window, for the failure message (e.g. `automated backups are off`). */
  readonly noWindowReason?: string;
  /** Where the copy goes, shown before the restore: network, parameter group, key. */
  readonly placement: readonly string[];
}

/** A resource a drill created, for the clean-up report. */
export interface ScratchResource {
  readonly type: string;
  readonly id: string;
  /** Its status when reported as left behind (e.g. `deleting`). */
  readonly state?: string;
}

export interface ScratchState {
  readonly status: string;
  readonly ready: boolean;
  /** Set when the status means the restore failed and will not become ready. */
  readonly failed?: boolean;
}

export type DeletionRequest =
  | { readonly requested: readonly ScratchResource[]; readonly notes?: readonly string[] }
  /** The service cannot delete it yet (e.g. still `creating`); the orchestrator waits and asks again. */
  | { readonly notYet: string };

export interface DrillStrategy {
  /** `RDS instance`. */
  readonly label: string;
  readonly source: string;
  readonly region: string;
  scratchIdentifier(start: Date): string;
  /** Undefined when the source does not exist. */
  readSource(): Promise<DrillSource | undefined>;
  scratchExists(scratch: string): Promise<boolean>;
  restore(scratch: string, point: RestorePoint, start: Date): Promise<void>;
  /** Undefined once the scratch copy does not exist (not created yet, or deleted). */
  state(scratch: string): Promise<ScratchState | undefined>;
  checkRestored(scratch: string): Promise<CheckResult[]>;
  /** Idempotent; `requested: []` when nothing exists. Refuses anything not tagged as this source's drill. */
  requestDeletion(scratch: string): Promise<DeletionRequest>;
  /** Whatever of the scratch copy still exists (resources, retained backups, snapshots). */
  leftovers(scratch: string): Promise<ScratchResource[]>;
  /** How the copy is deleted, for the progress line (RDS: `no final snapshot, automated backups deleted`). */
  readonly deletionNote?: string;
  /** The command that removes the scratch copy by hand, for when clean-up could not finish. */
  manualCleanup(scratch: string): string;
}
