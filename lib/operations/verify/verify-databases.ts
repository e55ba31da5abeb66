/** verify over the selected databases, a few at a time (the SDK's adaptive retry absorbs throttling), in plan order. */
import { CheckResult, CheckSummary, summarize } from '../check-result';
import type { PlannedDatabase } from '../kinds/database-kinds';
import type { OperationsContext } from '../operations-context';

export const VERIFY_CONCURRENCY = 4;

export interface VerifyReport {
  readonly environment: string;
  readonly account: string;
  readonly checks: readonly CheckResult[];
  readonly summary: CheckSummary;
}

export async function verifyDatabases(databases: readonly PlannedDatabase[], ctx: OperationsContext): Promise<VerifyReport> {
  const results: CheckResult[][] = new Array(databases.length);
  let next = 0;
  const worker = async () => {
    while (next < databases.length) {
      const index = next++;
      results[index] = await databases[index].verify(ctx);
    }
  };
  await Promise.all(Array.from({ length: Math.min(VERIFY_CONCURRENCY, databases.length) }, worker));
  const checks = results.flat();
  return { environment: ctx.plan.environment, account: ctx.aws.account, checks, summary: summarize(checks) };
}
