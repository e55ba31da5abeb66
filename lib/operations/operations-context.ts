/** What every operation on a planned database gets: the clients, the key resolver, the clock, the output. */
import type { AwsPlan, EnvironmentPlan } from '../plan/plan-types';
import type { AwsClients } from './aws/aws-clients';
import type { KeyResolver } from './aws/kms-keys';
import type { Clock } from './runtime';

export interface OperationsContext {
  readonly plan: EnvironmentPlan;
  readonly aws: AwsPlan;
  readonly clients: AwsClients;
  readonly keys: KeyResolver;
  readonly clock: Clock;
  /** Progress lines (stderr with --json). */
  readonly progress: (line: string) => void;
  /** Aborted by Ctrl-C. */
  readonly signal: AbortSignal;
}
