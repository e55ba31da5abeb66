/**
 * The only place that knows SQL dialects: one row per dialect the engine supports, with how it provisions a live
 * server (read, plan, apply in phases) and how it plans for an empty one offline. SQL Server and Oracle have no row:
 * declaredAccessOf gives no DeclaredAccess for them, and a DeclaredAccess that names another dialect is refused.
 */
import type { DeclaredAccess } from './declared-access';
import type { EngineStatement } from './engine-statement';
import { platformUsersOf } from './managed-roles';
import { emptyMysqlServer, readMysqlServer } from './mysql-catalog';
import { planMysql } from './mysql-plan';
import { emptyPostgresServer, newPostgresDatabase, readPostgresDatabase, readPostgresServer } from './postgres-catalog';
import { planPostgresDatabase, planPostgresFinal, planPostgresServer } from './postgres-plan';
import { mysqlString, pgLiteral } from './sql-literals';
import type { StatementRunner } from './statement-runner';

export interface DialectRun {
  readonly statements: readonly EngineStatement[];
  readonly notices: readonly string[];
}

export interface DialectRow {
  /** How a password becomes a string literal in this dialect. */
  readonly quotePassword: (password: string) => string;
  /** Reads the catalog, plans, and applies each phase through `runner` unless `dryRun`. */
  readonly provision: (declared: DeclaredAccess, runner: StatementRunner, dryRun: boolean) => Promise<DialectRun>;
  /** What an empty server would need, offline. */
  readonly planFromNothing: (declared: DeclaredAccess) => DialectRun;
}

const postgresMajor = (engineVersion: string) => Number(engineVersion.split('.')[0]);

export const DIALECTS: Record<string, DialectRow | undefined> = {
  postgresql: {
    quotePassword: pgLiteral,
    async provision(declared, runner, dryRun) {
      const server = await readPostgresServer(await runner.connection());
      const serverPlan = planPostgresServer(declared, server);
      if (!dryRun) await runner.run(serverPlan.statements);
      const statements: EngineStatement[] = [...serverPlan.statements];
      const notices = [...serverPlan.notices];
      for (const database of declared.databases) {
        // In a dry run a database not created yet is read as CREATE DATABASE would make it.
        const catalog =
          server.databases.has(database) || !dryRun ? await readPostgresDatabase(await runner.connection(database)) : newPostgresDatabase(server.major);
        const databasePlan = planPostgresDatabase(declared, database, catalog, serverPlan.managed);
        if (!dryRun) await runner.run(databasePlan.statements);
        statements.push(...databasePlan.statements);
        notices.push(...databasePlan.notices);
      }
      const final = planPostgresFinal(serverPlan.drop);
      if (!dryRun) await runner.run(final);
      return { statements: [...statements, ...final], notices };
    },
    planFromNothing(declared) {
      const major = postgresMajor(declared.engineVersion);
      const serverPlan = planPostgresServer(declared, emptyPostgresServer(major, platformUsersOf(declared)));
      const perDatabase = declared.databases.map((database) => planPostgresDatabase(declared, database, newPostgresDatabase(major), serverPlan.managed));
      return {
        statements: [...serverPlan.statements, ...perDatabase.flatMap((p) => p.statements)],
        notices: [...serverPlan.notices, ...perDatabase.flatMap((p) => p.notices)],
      };
    },
  },
  mysql: {
    quotePassword: mysqlString,
    async provision(declared, runner, dryRun) {
      const plan = planMysql(declared, await readMysqlServer(await runner.connection()));
      if (!dryRun) await runner.run(plan.statements);
      return plan;
    },
    planFromNothing(declared) {
      return planMysql(declared, emptyMysqlServer(declared.engineVersion, platformUsersOf(declared)));
    },
  },
};

/** The dialect's row, or an error naming what is supported. */
export function dialectOf(declared: DeclaredAccess): DialectRow {
  const row = DIALECTS[declared.dialect];
  if (row === undefined) {
    throw new Error(
      `The provisioning engine supports the ${Object.keys(DIALECTS).join(' and ')} dialects, not '${declared.dialect}' (SQL Server and Oracle are not provisioned: create their users by hand).`,
    );
  }
  return row;
}
