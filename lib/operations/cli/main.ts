/**
 * dbctl: the operations CLI. `runDbctl` takes the arguments and everything it touches (output, environment, clock,
 * interrupt signals, client factory) and returns the exit code, so tests run it in-process against moto.
 */
import * as path from 'path';
import { CONFIG_DIR } from '../../environments/load-environments';
import { AwsClientOptions, AwsClients, createAwsClients } from '../aws/aws-clients';
import { KeyResolver } from '../aws/kms-keys';
import { DEFAULT_DRILL_TIMINGS, DrillOptions, runRestoreDrill } from '../drill/run-drill';
import { parseRestoreTime, RestorePoint } from '../drill/restore-point';
import { loadEnvironmentPlan, selectDatabases } from '../environment-plan';
import { OperationError, usageError } from '../operation-error';
import type { OperationsContext } from '../operations-context';
import { checkTable, summaryLine } from '../report/check-table';
import { drillReportText } from '../report/drill-report';
import { plannedRegionSections } from '../kinds/region-sections';
import { formatTime } from '../report/format';
import { DeadlineScope } from '../deadline-scope';
import { Clock, systemClock } from '../runtime';
import { verifyDatabases } from '../verify/verify-databases';
import { ParsedArguments, parseArguments, parseEndpointUrl, parseTimeout } from './arguments';
import { commandNames } from './commands';
import { clientSettingsFromEnvironment } from './environment-settings';
import { commandHelp, mainHelp } from './help';
import { DEFAULT_PROVISIONING_ENGINE } from '../provision/default-provisioning-engine';
import type { ProvisioningEngine } from '../provision/provisioning-engine';
import { selectProvisionTargets } from '../provision/provision-targets';
import { provisionReportText } from '../provision/provision-report';
import { ProvisionMode, provisionSucceeded, runProvision } from '../provision/run-provision';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export interface InterruptSignals {
  /** First Ctrl-C. */
  readonly signal: AbortSignal;
  /** Second Ctrl-C. */
  readonly abandon: AbortSignal;
}

export interface DbctlDeps {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
  readonly createClients?: (options: AwsClientOptions) => AwsClients;
  /** Called when a drill starts: installs the Ctrl-C handling and returns its signals. */
  readonly captureInterrupts?: () => InterruptSignals;
  readonly drillTimings?: Partial<Pick<DrillOptions, 'pollMs' | 'deletionTimeoutMs' | 'heartbeatMs'>>;
  /** The provisioning engine and the Cloud SQL connection `provision` uses (tests pass a fake). */
  readonly provisioning?: ProvisioningEngine;
}

export async function runDbctl(argv: readonly string[], deps: DbctlDeps): Promise<number> {
  let parsed: ParsedArguments | undefined;
  try {
    parsed = parseArguments(argv);
    if (parsed.help) {
      deps.out(parsed.command ? commandHelp(parsed.command) : mainHelp());
      return EXIT.ok;
    }
    switch (parsed.command!.name) {
      case 'verify':
        return await verifyCommand(parsed, deps);
      case 'restore-drill':
        return await drillCommand(parsed, deps);
      case 'provision':
        return await provisionCommand(parsed, deps);
      default:
        throw new Error(`BUG: command ${parsed.command!.name} has no handler`);
    }
  } catch (error) {
    if (error instanceof OperationError) {
      deps.err(`dbctl: ${error.message}`);
      const command = parsed?.command?.name ?? argv.find((arg) => commandNames().includes(arg));
      if (error.kind === 'usage') deps.err(`Run 'dbctl ${command ? `${command} ` : ''}--help' for usage.`);
      // --json promises one JSON document on stdout, also when dbctl could not start or could not look.
      if (argv.includes('--json'))
        deps.out(JSON.stringify({ command: command ?? null, ok: false, error: { kind: error.kind, message: error.message } }, null, 2));
      return EXIT.usage;
    }
    throw error;
  }
}

function configDirOf(deps: DbctlDeps): string {
  const env = deps.env ?? process.env;
  return env.DB_CONFIG_DIR ? path.resolve(env.DB_CONFIG_DIR) : CONFIG_DIR;
}

function context(parsed: ParsedArguments, deps: DbctlDeps, progress: (line: string) => void, signal: AbortSignal, deadlines = new DeadlineScope(signal)) {
  const env = deps.env ?? process.env;
  const configDir = env.DB_CONFIG_DIR ? path.resolve(env.DB_CONFIG_DIR) : CONFIG_DIR;
  const endpointUrl = parseEndpointUrl(parsed.options['endpoint-url'] as string | undefined);
  const settings = clientSettingsFromEnvironment(env);
  const plan = loadEnvironmentPlan(parsed.options.env as string, configDir);
  const selection = selectDatabases(plan, parsed.options.database as string | undefined);
  const clients = (deps.createClients ?? createAwsClients)({ endpointUrl, ...settings, deadline: () => deadlines.current });
  const ctx: OperationsContext = {
    plan,
    aws: selection.aws,
    clients,
    keys: new KeyResolver(clients),
    clock: deps.clock ?? systemClock,
    progress,
    signal,
  };
  return { ctx, databases: selection.databases };
}

async function verifyCommand(parsed: ParsedArguments, deps: DbctlDeps): Promise<number> {
  const json = parsed.options.json === true;
  const { ctx, databases } = context(parsed, deps, json ? deps.err : deps.out, new AbortController().signal);
  // A whole-environment verify also checks what each region holds for all its databases (the backup vault).
  const sections = parsed.options.database === undefined && databases.length > 0 ? plannedRegionSections(ctx.aws) : [];
  const report = await verifyDatabases(databases, ctx, sections);
  const ok = report.summary.failed === 0;
  if (json) {
    deps.out(JSON.stringify({ command: 'verify', ok, ...report, checkedAt: ctx.clock.now().toISOString() }, null, 2));
  } else if (databases.length === 0) {
    deps.out(`No AWS databases are planned in environment '${report.environment}': nothing to verify.`);
  } else {
    const regions = [...new Set(databases.map((db) => db.region))].join(', ');
    deps.out(
      `Verify ${report.environment}: ${databases.length} ${databases.length === 1 ? 'database' : 'databases'}, account ${report.account}, ${regions}, at ${formatTime(ctx.clock.now())}`,
    );
    deps.out('');
    deps.out(checkTable(report.checks));
    deps.out('');
    deps.out(`${summaryLine(report.summary)}${ok ? '' : ' (drift: the live databases differ from the config)'}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}

async function drillCommand(parsed: ParsedArguments, deps: DbctlDeps): Promise<number> {
  const json = parsed.options.json === true;
  const { options } = parsed;
  if (options.to !== undefined && options.latest !== undefined) throw usageError("Use either '--to' or '--latest', not both.");
  const point: RestorePoint = options.to !== undefined ? { kind: 'time', time: parseRestoreTime(options.to as string) } : { kind: 'latest' };
  const timeoutMs = parseTimeout(options.timeout as string | undefined) ?? DEFAULT_DRILL_TIMINGS.timeoutMs;
  const progress = json ? deps.err : deps.out;
  const interrupts = deps.captureInterrupts?.() ?? { signal: new AbortController().signal, abandon: new AbortController().signal };
  const deadlines = new DeadlineScope(interrupts.signal);
  const { ctx, databases } = context(parsed, deps, progress, interrupts.signal, deadlines);
  const database = databases[0];
  if (!database.drill) throw usageError(`Restore drills of ${database.label}s are not supported yet.`);
  const report = await runRestoreDrill(
    database.drill(ctx),
    {
      environment: ctx.plan.environment,
      database: database.name,
      point,
      keep: options.keep === true,
      ...DEFAULT_DRILL_TIMINGS,
      ...deps.drillTimings,
      timeoutMs,
    },
    { clock: ctx.clock, progress, signal: interrupts.signal, abandon: interrupts.abandon, deadlines },
  );
  const code =
    report.outcome === 'passed'
      ? EXIT.ok
      : report.outcome === 'interrupted'
        ? EXIT.interrupted
        : report.failureKind === 'usage' || report.failureKind === 'access'
          ? EXIT.usage
          : EXIT.failed;
  if (json) deps.out(JSON.stringify({ command: 'restore-drill', ok: code === EXIT.ok, ...report }, null, 2));
  else deps.out(drillReportText(report));
  return code;
}

async function provisionCommand(parsed: ParsedArguments, deps: DbctlDeps): Promise<number> {
  const { options } = parsed;
  const json = options.json === true;
  const adminUser = options['admin-user'] as string | undefined;
  if (options['dry-run'] === undefined && adminUser === undefined) {
    throw usageError(
      "'dbctl provision' connects to apply the SQL: give --admin-user <database user of your IAM identity>, or add --dry-run to print the SQL an empty server would need without connecting.",
    );
  }
  const mode: ProvisionMode = adminUser === undefined ? 'offline' : options['dry-run'] === true ? 'dry-run' : 'apply';
  const plan = loadEnvironmentPlan(options.env as string, configDirOf(deps));
  const selection = selectProvisionTargets(plan, options.database as string | undefined);
  const engine = deps.provisioning ?? DEFAULT_PROVISIONING_ENGINE;
  const result = await runProvision(plan.environment, selection, mode, engine, adminUser, json ? deps.err : deps.out);
  const ok = provisionSucceeded(result);
  if (json) deps.out(JSON.stringify({ command: 'provision', ok, ...result }, null, 2));
  else deps.out(provisionReportText(result));
  return ok ? EXIT.ok : EXIT.failed;
}
