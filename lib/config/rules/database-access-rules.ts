/**
 * Rules for what lives inside a relational database (docs/database-access.md): extensions by engine and version,
 * logical databases, and roles — their names, the databases they name, IAM authentication and consumers.
 */
import { accessEngineOf, AccessEngine } from '../database-access/access-engines';
import { awsConsumerProblem, ConsumerProblem, gcpConsumerProblem } from '../database-access/consumer-formats';
import { postgresExtensionsFor } from '../database-access/postgres-extensions';
import { reservedDatabaseName, reservedRoleName } from '../database-access/reserved-names';
import { cloudSqlIamUserName, logicalDatabasesOf, RelationalDatabase } from '../../provisioning/declared-access-of';
import { ROLE_NAME_MAX_LENGTH } from '../../../config/schema/database-access';
import type { ProblemDraft } from '../problem-draft';
import type { ResolvedDatabase, ResolvedEnvironment } from '../resolved-environment';
import type { Rule } from './rule';

type Path = Array<string | number>;
type Report = (path: Path, value: unknown, message: string, fix: string) => void;

/** PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes ("Identifiers and Key Words", PostgreSQL docs). */
const POSTGRES_IDENTIFIER_MAX_LENGTH = 63;

const isRelational = (db: ResolvedDatabase): db is RelationalDatabase =>
  db.kind === 'rds-instance' || db.kind === 'aurora-cluster' || db.kind === 'cloudsql-instance';

/** `is listed twice` for every repeat after the first. */
function duplicates(values: readonly string[], path: (i: number) => Path, report: Report, what: string): void {
  values.forEach((value, i) => {
    const first = values.indexOf(value);
    if (first !== i) report(path(i), value, `is listed twice (first at [${first}])`, `remove the second '${value}' from ${what}`);
  });
}

/** SQL Server and Oracle: the provisioning engine does not speak them yet, so nothing may be declared inside them. */
function unsupportedEngineRules(db: RelationalDatabase, engine: AccessEngine, report: Report): void {
  const fields = [
    ['extensions', db.extensions, 'extensions'],
    ['databases', db.databases, 'the databases'],
    ['roles', db.roles, 'logins and users'],
  ] as const;
  for (const [field, value, what] of fields) {
    if (value.length === 0) continue;
    report(
      [field],
      value,
      `are not supported for ${engine.displayName} yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only`,
      `remove ${field}; create ${what} on ${engine.displayName} yourself until it is supported`,
    );
  }
}

function extensionRules(db: RelationalDatabase, engine: AccessEngine, report: Report): void {
  if (db.extensions.length === 0) return;
  if (engine.dialect === 'mysql') {
    report(['extensions'], db.extensions, `${engine.displayName} has no extensions (they are a PostgreSQL feature)`, 'remove extensions');
    return;
  }
  const allowed = postgresExtensionsFor(engine.platform, engine.major);
  // A major outside the table is refused by the kind's version rules already.
  if (!allowed) return;
  duplicates(db.extensions, (i) => ['extensions', i], report, 'extensions');
  db.extensions.forEach((extension, i) => {
    if (!allowed.includes(extension)) {
      report(
        ['extensions', i],
        extension,
        `is not an extension this project offers on ${engine.displayName} ${engine.major}; offered: ${allowed.join(', ')}`,
        'choose one of them or remove it (an extension the platform documents can be added to lib/config/database-access/postgres-extensions.ts, with its source)',
      );
    } else if (extension === 'pgaudit' && db.kind === 'cloudsql-instance' && !db.auditLogging) {
      // "Audit for PostgreSQL using pgAudit" (Cloud SQL docs): set cloudsql.enable_pgaudit, then CREATE EXTENSION.
      report(
        ['extensions', i],
        extension,
        'needs auditLogging on Cloud SQL: pgaudit can be created only once the cloudsql.enable_pgaudit flag is on, which auditLogging: true sets',
        'set auditLogging: true, or remove pgaudit',
      );
    }
  });
}

function logicalDatabaseRules(db: RelationalDatabase, engine: AccessEngine, report: Report): void {
  duplicates(db.databases, (i) => ['databases', i], report, 'databases');
  const initial = 'databaseName' in db ? db.databaseName : undefined;
  db.databases.forEach((name, i) => {
    const reserved = reservedDatabaseName(engine, name);
    if (reserved) {
      report(['databases', i], name, `is a database ${engine.displayName} keeps for itself: ${reserved}`, 'choose another name');
    } else if (name === initial) {
      report(['databases', i], name, 'is the initial database already (databaseName)', `remove '${name}' from databases`);
    }
  });
}

interface RoleContext {
  readonly env: ResolvedEnvironment;
  readonly db: RelationalDatabase;
  readonly engine: AccessEngine;
  readonly declared: readonly string[];
  readonly report: Report;
}

function roleRules({ env, db, engine, declared, report }: RoleContext): void {
  if (db.roles.length === 0) return;
  if (declared.length === 0) {
    report(
      ['roles'],
      db.roles.map((role) => role.name),
      `has roles but the ${db.kind} declares no logical database for them to use`,
      db.kind === 'cloudsql-instance' ? "add the application's database to databases" : "set databaseName, or add the application's database to databases",
    );
  }
  duplicates(
    db.roles.map((role) => role.name),
    (i) => ['roles', i, 'name'],
    report,
    'roles (or rename one of the two roles)',
  );
  db.roles.forEach((role, r) => {
    const at = (...path: Path): Path => ['roles', r, ...path];
    const reserved = reservedRoleName(engine, role.name);
    if (reserved) report(at('name'), role.name, `is reserved on ${engine.displayName}: ${reserved}`, 'choose another role name');
    roleDatabaseRules(role.databases, declared, at, report);
    rotationCloneRule(engine, role, at, report);
    if (role.auth === 'iam' && engine.iamUnavailable) {
      report(at('auth'), 'iam', `cannot be 'iam': ${engine.iamUnavailable.why}`, engine.iamUnavailable.fix);
    }
    consumerRules({ env, db, engine, declared, report }, role, at);
  });
}

/**
 * On AWS a password role's secret rotates with alternating users: the rotation function creates `<role>_clone`
 * (aws-samples/aws-secrets-manager-rotation-lambdas, the multi-user functions' get_alt_username). MySQL and MariaDB user
 * names stop at 32 characters (ROLE_NAME_MAX_LENGTH's source), so the role name may hold at most 26.
 */
const ROTATION_CLONE_SUFFIX = '_clone';
const MYSQL_ROTATED_ROLE_MAX_LENGTH = ROLE_NAME_MAX_LENGTH - ROTATION_CLONE_SUFFIX.length;

function rotationCloneRule(engine: AccessEngine, role: RelationalDatabase['roles'][number], at: (...path: Path) => Path, report: Report): void {
  if (engine.platform === 'cloud-sql' || engine.dialect !== 'mysql' || role.auth !== 'password') return;
  if (role.name.length <= MYSQL_ROTATED_ROLE_MAX_LENGTH) return;
  report(
    at('name'),
    role.name,
    `has ${role.name.length} characters: its password rotation creates the user ${role.name}${ROTATION_CLONE_SUFFIX}, and ${engine.displayName} user names stop at ${ROLE_NAME_MAX_LENGTH} characters, so a password role's name may have at most ${MYSQL_ROTATED_ROLE_MAX_LENGTH}`,
    `shorten the role name to ${MYSQL_ROTATED_ROLE_MAX_LENGTH} characters or fewer, or use auth: 'iam'`,
  );
}

function roleDatabaseRules(databases: readonly string[] | undefined, declared: readonly string[], at: (...path: Path) => Path, report: Report): void {
  if (databases === undefined) return;
  if (databases.length === 0) {
    report(
      at('databases'),
      [],
      'is empty, so the role could use no database',
      'list the databases the role uses, or remove databases to give it every database',
    );
    return;
  }
  duplicates(databases, (i) => at('databases', i), report, "the role's databases");
  databases.forEach((name, i) => {
    if (!declared.includes(name) && databases.indexOf(name) === i) {
      report(
        at('databases', i),
        name,
        `is not a logical database of this database server; declared: ${declared.join(', ') || 'none'}`,
        `add '${name}' to databases, or name a declared one`,
      );
    }
  });
}

function consumerRules({ env, db, engine, report }: RoleContext, role: RelationalDatabase['roles'][number], at: (...path: Path) => Path): void {
  const onCloudSql = db.kind === 'cloudsql-instance';
  if (onCloudSql && role.auth === 'iam' && role.consumers.length === 0 && !engine.iamUnavailable) {
    report(
      at('consumers'),
      [],
      "is empty: on Cloud SQL an 'iam' role is a group role without login, whose members are its consumers' IAM users, so nobody could connect as it",
      'list the service accounts of the applications that connect as this role',
    );
  }
  duplicates(role.consumers, (i) => at('consumers', i), report, 'consumers');
  role.consumers.forEach((consumer, i) => {
    const problem: ConsumerProblem | undefined = onCloudSql
      ? gcpConsumerProblem(consumer, env.gcp?.projectId ?? '<project>')
      : awsConsumerProblem(consumer, env.aws?.account ?? '<account>');
    if (problem) {
      report(at('consumers', i), consumer, problem.message, problem.fix);
      return;
    }
    if (onCloudSql && role.auth === 'iam' && engine.dialect === 'postgresql') {
      const userName = cloudSqlIamUserName(consumer, 'postgresql');
      if (userName.length > POSTGRES_IDENTIFIER_MAX_LENGTH) {
        report(
          at('consumers', i),
          consumer,
          `gives the database user '${userName}' (the email without .gserviceaccount.com), ${userName.length} characters; PostgreSQL names hold at most ${POSTGRES_IDENTIFIER_MAX_LENGTH}`,
          'use a service account with a shorter id or project id',
        );
      }
    }
  });
}

export const databaseAccessRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (!isRelational(db)) return [];
    const problems: ProblemDraft[] = [];
    const report: Report = (path, value, message, fix) => problems.push({ database: db.name, path: ['databases', index, ...path], value, message, fix });
    const engine = accessEngineOf(db);
    if (!engine.dialect) {
      unsupportedEngineRules(db, engine, report);
      return problems;
    }
    extensionRules(db, engine, report);
    logicalDatabaseRules(db, engine, report);
    roleRules({ env, db, engine, declared: logicalDatabasesOf(db), report });
    return problems;
  });
