/** verify over the selected databases and the region sections, a few at a time (the SDK's adaptive retry absorbs throttling), in plan order. */
import { CheckResult, CheckSummary, summarize } from '../check-result';
import type { PlannedDatabase } from '../kinds/database-kinds';
import type { RegionSection } from '../kinds/region-sections';
import type { OperationsContext } from '../operations-context';

export const VERIFY_CONCURRENCY = 4;

export interface VerifyReport {
  readonly environment: string;
  readonly account: string;
  readonly checks: readonly CheckResult[];
  readonly summary: CheckSummary;
}

/** The databases, then the per-region sections (backup vaults), each a unit of work with its own rows. */
export async function verifyDatabases(
  databases: readonly PlannedDatabase[],
  ctx: OperationsContext,
  regionSections: readonly RegionSection[] = [],
): Promise<VerifyReport> {
  const units: readonly { verify(ctx: OperationsContext): Promise<CheckResult[]> }[] = [...databases, ...regionSections];
  const results: CheckResult[][] = new Array(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const index = next++;
      results[index] = await units[index].verify(ctx);
    }
  };
  await Promise.all(Array.from({ length: Math.min(VERIFY_CONCURRENCY, units.length) }, worker));
  const checks = results.flat();
  return { environment: ctx.plan.environment, account: ctx.aws.account, checks, summary: summarize(checks) };
}
