/**
 * The engine's entry point: reads the live catalog through the administrator's connections, computes the statements
 * that close the gap between it and the declared state, and runs them unless it is a dry run. Running it again
 * right after finds nothing to do (every statement is planned from a difference the catalog shows).
 */
import { dialectOf } from './dialects';
import { printable } from './engine-statement';
import type { ProvisionDatabase } from './provisioning-api';
import { StatementRunner } from './statement-runner';

export const provisionDatabase: ProvisionDatabase = async (declared, connect, options) => {
  const dialect = dialectOf(declared);
  const runner = new StatementRunner(connect, options.passwordOf, dialect.quotePassword);
  try {
    const run = await dialect.provision(declared, runner, options.dryRun);
    return { statements: printable(run.statements), applied: !options.dryRun, notices: [...run.notices] };
  } finally {
    await runner.close();
  }
};
