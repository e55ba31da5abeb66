/** What provisioning an empty server would run, offline: `dbctl provision --dry-run` without a connection, and docs. */
import { dialectOf } from './dialects';
import { printable } from './engine-statement';
import type { PlanFromNothing } from './provisioning-api';

export const planFromNothing: PlanFromNothing = (declared) => printable(dialectOf(declared).planFromNothing(declared).statements);
