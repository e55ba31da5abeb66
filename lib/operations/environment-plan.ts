/** Reads the plan of one environment for dbctl, and selects its databases, with usage errors that name the choices. */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../config/config-error';
import { listEnvironments } from '../environments/load-environments';
import { planEnvironments } from '../environments/plan-environments';
import type { AwsPlan, EnvironmentPlan } from '../plan/plan-types';
import { PlannedDatabase, plannedDatabases } from './kinds/database-kinds';
import { usageError } from './operation-error';

export function loadEnvironmentPlan(name: string, configDir: string): EnvironmentPlan {
  if (!fs.existsSync(configDir)) throw usageError(`Config folder ${configDir} not found (set DB_CONFIG_DIR, or run dbctl in the project).`);
  const available = listEnvironments(configDir);
  if (!available.includes(name)) {
    throw usageError(`Unknown environment '${name}'. Available: ${available.join(', ') || '(none)'}.`);
  }
  try {
    return planEnvironments([name], { configDir })[0].plan;
  } catch (error) {
    if (error instanceof ConfigError) throw usageError(error.message);
    // The config file is code: a syntax error or a throw while it loads is the config's fault, not dbctl's.
    throw usageError(
      `Could not load the config of environment '${name}' (${path.join(configDir, name)}): ${firstLine(error).replace(/\.+$/, '')}. Fix the file and run dbctl again ('npm run typecheck' checks a .ts config).`,
    );
  }
}

/** `SyntaxError: Unexpected token (3:4)` without the stack or the code frame ts-node adds. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // ts-node puts the useful part (file(line,col): error TSnnnn: …) on the lines after its own heading.
  const lines = message
    .split('\n')
    .map((line) => line.replace(/^⨯\s*/, '').trim())
    .filter((line) => line && !/^Unable to compile TypeScript:?$/.test(line));
  const name = error instanceof Error && error.name !== 'TSError' ? `${error.name}: ` : '';
  return `${name}${lines.slice(0, 3).join('; ') || 'unknown error'}`.slice(0, 400);
}

export interface DatabaseSelection {
  readonly aws: AwsPlan;
  readonly databases: readonly PlannedDatabase[];
}

export function selectDatabases(plan: EnvironmentPlan, name?: string): DatabaseSelection {
  if (!plan.aws) {
    throw usageError(`Environment '${plan.environment}' has no AWS section: dbctl works on AWS databases (Google Cloud is not supported yet).`);
  }
  const all = plannedDatabases(plan);
  if (name === undefined) return { aws: plan.aws, databases: all };
  const found = all.find((db) => db.name === name);
  if (found) return { aws: plan.aws, databases: [found] };
  if (plan.databases['cloudsql-instance'].some((db) => db.name === name)) {
    throw usageError(
      `Database '${name}' of environment '${plan.environment}' is a Cloud SQL instance: dbctl works on AWS databases (Google Cloud is not supported yet).`,
    );
  }
  throw usageError(`Unknown database '${name}' in environment '${plan.environment}'. AWS databases: ${all.map((db) => db.name).join(', ') || '(none)'}.`);
}
