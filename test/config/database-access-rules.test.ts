/**
 * Bad database-access input (extensions, logical databases, roles): each problem names environment, database, field,
 * value, what is allowed and the fix. GIVEN the fixture (RDS PostgreSQL `orders`, Cloud SQL PostgreSQL `ledger`) with
 * a change, WHEN it is checked, THEN exactly these lines come back.
 */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { declaredAccessOf } from '../../lib/provisioning/declared-access-of';
import type { RelationalDatabase } from '../../lib/provisioning/declared-access-of';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}
// Each starts from a clean slate: the fixture's own roles and databases are replaced.
const orders = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[0], { databaseName: 'orders', databases: [], roles: [], ...change });
const ledger = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[1], { databases: ['ledger'], roles: [], ...change });
const appRole = (more: Record<string, unknown> = {}) => ({ name: 'orders_app', access: 'read-write', ...more });
const ORDERS_API = 'arn:aws:iam::123456789012:role/orders-api';
const LEDGER_API = 'ledger-api@fixture-project.iam.gserviceaccount.com';

describe('a valid declaration', () => {
  test('roles, databases and extensions on RDS, Aurora and Cloud SQL pass', () => {
    expect(
      problemsOf((c) => {
        orders({ extensions: ['pg_trgm', 'vector'], databases: ['orders_archive'], roles: [appRole({ auth: 'iam', consumers: [ORDERS_API] })] })(c);
        ledger({ roles: [{ name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: [LEDGER_API] }] })(c);
        c.databases.push({
          kind: 'aurora-cluster',
          name: 'payments',
          engine: 'aurora-mysql',
          version: '8.0.mysql_aurora.3.10.1',
          instanceClass: 'db.r6g.large',
          databaseName: 'payments',
          allowedCidrs: ['10.0.0.0/16'],
          roles: [{ name: 'payments_app', access: 'read-write', auth: 'iam', consumers: ['arn:aws:iam::123456789012:role/service/payments-api'] }],
        });
      }),
    ).toEqual([]);
  });
});

describe('extensions', () => {
  test('one the platform does not offer (and one it does, next to it)', () => {
    expect(problemsOf(orders({ extensions: ['pg_trgm', 'timescaledb'] }))).toEqual([
      'test › orders › databases[0].extensions[1] = "timescaledb": is not an extension this project offers on RDS for PostgreSQL 17; offered: amcheck, bloom, btree_gin, btree_gist, citext, cube, dblink, dict_int, dict_xsyn, earthdistance, fuzzystrmatch, hstore, hypopg, intarray, isn, lo, ltree, orafce, pg_buffercache, pg_partman, pg_stat_statements, pg_trgm, pgaudit, pgcrypto, pgrowlocks, pgstattuple, postgis, postgis_topology, postgres_fdw, seg, tablefunc, tcn, tsm_system_rows, tsm_system_time, unaccent, vector. Fix: choose one of them or remove it (an extension the platform documents can be added to lib/config/database-access/postgres-extensions.ts, with its source)',
    ]);
  });

  test('listed twice', () => {
    expect(problemsOf(orders({ extensions: ['hstore', 'hstore'] }))).toEqual([
      'test › orders › databases[0].extensions[1] = "hstore": is listed twice (first at [0]). Fix: remove the second \'hstore\' from extensions',
    ]);
  });

  test('on a MySQL-family engine, naming the engine', () => {
    expect(problemsOf(orders({ engine: 'mysql', version: '8.4.6', extensions: ['pg_trgm'] }))).toEqual([
      'test › orders › databases[0].extensions = ["pg_trgm"]: RDS for MySQL has no extensions (they are a PostgreSQL feature). Fix: remove extensions',
    ]);
  });

  test('pgaudit on Cloud SQL needs auditLogging (passes with it)', () => {
    expect(problemsOf(ledger({ extensions: ['pgaudit'] }))).toEqual([
      'test › ledger › databases[1].extensions[0] = "pgaudit": needs auditLogging on Cloud SQL: pgaudit can be created only once the cloudsql.enable_pgaudit flag is on, which auditLogging: true sets. Fix: set auditLogging: true, or remove pgaudit',
    ]);
    expect(problemsOf(ledger({ extensions: ['pgaudit'], auditLogging: true }))).toEqual([]);
  });
});

describe('logical databases', () => {
  test.each([
    ['postgres', "PostgreSQL's default and template databases"],
    ['template1', "PostgreSQL's default and template databases"],
    ['rdsadmin', "RDS's administration database"],
  ])('%s is refused on RDS for PostgreSQL', (name, owner) => {
    expect(problemsOf(orders({ databases: [name] }))).toEqual([
      `test › orders › databases[0].databases[0] = "${name}": is a database RDS for PostgreSQL keeps for itself: it belongs to ${owner}. Fix: choose another name`,
    ]);
  });

  test('cloudsqladmin on Cloud SQL; rdsadmin is a fine name there', () => {
    expect(problemsOf(ledger({ databases: ['cloudsqladmin', 'rdsadmin'] }))).toEqual([
      'test › ledger › databases[1].databases[0] = "cloudsqladmin": is a database Cloud SQL for PostgreSQL keeps for itself: it belongs to Cloud SQL\'s administration database. Fix: choose another name',
    ]);
  });

  test('the MySQL system schemas', () => {
    expect(problemsOf(orders({ engine: 'mysql', version: '8.4.6', databases: ['performance_schema', 'sys', 'shop'] }))).toEqual([
      'test › orders › databases[0].databases[0] = "performance_schema": is a database RDS for MySQL keeps for itself: it belongs to the MySQL system schemas. Fix: choose another name',
      'test › orders › databases[0].databases[1] = "sys": is a database RDS for MySQL keeps for itself: it belongs to the MySQL system schemas. Fix: choose another name',
    ]);
  });

  test('listed twice, and the initial database again', () => {
    expect(problemsOf(orders({ databases: ['archive', 'archive', 'orders'] }))).toEqual([
      'test › orders › databases[0].databases[1] = "archive": is listed twice (first at [0]). Fix: remove the second \'archive\' from databases',
      'test › orders › databases[0].databases[2] = "orders": is the initial database already (databaseName). Fix: remove \'orders\' from databases',
    ]);
  });
});

describe('roles', () => {
  test('roles without any logical database', () => {
    expect(problemsOf(orders({ databaseName: undefined, roles: [appRole()] }))).toEqual([
      'test › orders › databases[0].roles = ["orders_app"]: has roles but the rds-instance declares no logical database for them to use. Fix: set databaseName, or add the application\'s database to databases',
    ]);
    expect(problemsOf(ledger({ databases: [], roles: [{ name: 'ledger_app', access: 'read-only' }] }))).toEqual([
      'test › ledger › databases[1].roles = ["ledger_app"]: has roles but the cloudsql-instance declares no logical database for them to use. Fix: add the application\'s database to databases',
    ]);
  });

  test('two roles with one name', () => {
    expect(problemsOf(orders({ roles: [appRole(), appRole({ access: 'read-only' })] }))).toEqual([
      'test › orders › databases[0].roles[1].name = "orders_app": is listed twice (first at [0]). Fix: remove the second \'orders_app\' from roles (or rename one of the two roles)',
    ]);
  });

  test.each([
    ['dbadmin', 'it belongs to the master user this project creates (administration only)'],
    ['rds_pgaudit', "names starting with 'rds' belong to RDS's own roles (rdsadmin, rds_superuser, rds_iam, rds_pgaudit …)"],
    ['rdsadmin', "names starting with 'rds' belong to RDS's own roles (rdsadmin, rds_superuser, rds_iam, rds_pgaudit …)"],
    ['pg_monitor', "names starting with 'pg_' belong to PostgreSQL's predefined roles"],
    ['public', 'it belongs to PostgreSQL (every role belongs to public; postgres is the default superuser)'],
  ])('the reserved name %s on RDS for PostgreSQL', (name, why) => {
    expect(problemsOf(orders({ roles: [appRole({ name })] }))).toEqual([
      `test › orders › databases[0].roles[0].name = "${name}": is reserved on RDS for PostgreSQL: ${why}. Fix: choose another role name`,
    ]);
  });

  test('AWS MySQL family: a password role leaves room for its rotation clone (26 characters pass, 27 do not); iam roles and PostgreSQL may use 32', () => {
    const mysql = (name: string, auth = 'password') => orders({ engine: 'mysql', version: '8.4.6', roles: [appRole({ name, auth })] });
    const name26 = 'a'.repeat(26);
    const name27 = 'a'.repeat(27);
    expect(problemsOf(mysql(name26))).toEqual([]);
    expect(problemsOf(mysql(name27))).toEqual([
      `test › orders › databases[0].roles[0].name = "${name27}": has 27 characters: its password rotation creates the user ${name27}_clone, and RDS for MySQL user names stop at 32 characters, so a password role's name may have at most 26. Fix: shorten the role name to 26 characters or fewer, or use auth: 'iam'`,
    ]);
    expect(problemsOf(mysql('a'.repeat(32), 'iam'))).toEqual([]);
    expect(problemsOf(orders({ roles: [appRole({ name: 'a'.repeat(32) })] }))).toEqual([]);
  });

  test('names just outside the reserved prefixes pass: pg and rd_app', () => {
    expect(problemsOf(orders({ roles: [appRole({ name: 'pg' }), appRole({ name: 'rd_app' })] }))).toEqual([]);
  });

  test('cloudsql* and postgres on Cloud SQL; root on MySQL', () => {
    expect(
      problemsOf(
        ledger({
          roles: [
            { name: 'cloudsqlsuperuser', access: 'owner' },
            { name: 'postgres', access: 'owner' },
          ],
        }),
      ),
    ).toEqual([
      "test › ledger › databases[1].roles[0].name = \"cloudsqlsuperuser\": is reserved on Cloud SQL for PostgreSQL: names starting with 'cloudsql' belong to Cloud SQL's own roles (cloudsqlsuperuser, cloudsqladmin, cloudsqliamuser …). Fix: choose another role name",
      'test › ledger › databases[1].roles[1].name = "postgres": is reserved on Cloud SQL for PostgreSQL: it belongs to PostgreSQL (every role belongs to public; postgres is the default superuser). Fix: choose another role name',
    ]);
    expect(problemsOf(ledger({ engine: 'mysql', version: '8.4', roles: [{ name: 'root', access: 'owner' }] }))).toEqual([
      'test › ledger › databases[1].roles[0].name = "root": is reserved on Cloud SQL for MySQL: it belongs to the MySQL superuser. Fix: choose another role name',
    ]);
  });

  test('a database the instance does not declare, an empty list, a repeat', () => {
    expect(
      problemsOf(
        orders({ databases: ['archive'], roles: [appRole({ databases: ['archive', 'billing', 'archive'] }), appRole({ name: 'idle', databases: [] })] }),
      ),
    ).toEqual([
      "test › orders › databases[0].roles[0].databases[2] = \"archive\": is listed twice (first at [0]). Fix: remove the second 'archive' from the role's databases",
      'test › orders › databases[0].roles[0].databases[1] = "billing": is not a logical database of this database server; declared: orders, archive. Fix: add \'billing\' to databases, or name a declared one',
      'test › orders › databases[0].roles[1].databases = []: is empty, so the role could use no database. Fix: list the databases the role uses, or remove databases to give it every database',
    ]);
  });
});

describe('IAM authentication', () => {
  test('RDS for MariaDB 10.6 has none; 10.11 has it', () => {
    const mariadb = (version: string) => orders({ engine: 'mariadb', version, instanceClass: 'db.r6g.large', roles: [appRole({ auth: 'iam' })] });
    expect(problemsOf(mariadb('10.6.23'))).toEqual([
      "test › orders › databases[0].roles[0].auth = \"iam\": cannot be 'iam': RDS for MariaDB offers IAM database authentication from 10.11; 10.6 has none. Fix: use auth: 'password', or upgrade to MariaDB 10.11 or later",
    ]);
    expect(problemsOf(mariadb('10.11.14'))).toEqual([]);
  });

  test('Cloud SQL with iamAuthentication off', () => {
    expect(
      problemsOf(ledger({ iamAuthentication: false, roles: [{ name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: [LEDGER_API] }] })),
    ).toEqual([
      "test › ledger › databases[1].roles[0].auth = \"iam\": cannot be 'iam': iamAuthentication is off for this instance (the cloudsql.iam_authentication flag is not set). Fix: remove iamAuthentication: false, or use auth: 'password'",
    ]);
  });

  test('a Cloud SQL iam role nobody could connect as', () => {
    expect(problemsOf(ledger({ roles: [{ name: 'ledger_app', access: 'read-write', auth: 'iam' }] }))).toEqual([
      "test › ledger › databases[1].roles[0].consumers = []: is empty: on Cloud SQL an 'iam' role is a group role without login, whose members are its consumers' IAM users, so nobody could connect as it. Fix: list the service accounts of the applications that connect as this role",
    ]);
  });
});

describe('consumers', () => {
  test('AWS: not a role ARN, a user ARN, another account, a repeat', () => {
    const consumers = ['orders-api', 'arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::999999999999:role/orders-api', ORDERS_API, ORDERS_API];
    expect(problemsOf(orders({ roles: [appRole({ consumers })] }))).toEqual([
      'test › orders › databases[0].roles[0].consumers[4] = "arn:aws:iam::123456789012:role/orders-api": is listed twice (first at [3]). Fix: remove the second \'arn:aws:iam::123456789012:role/orders-api\' from consumers',
      'test › orders › databases[0].roles[0].consumers[0] = "orders-api": is not an IAM role ARN; AWS consumers are IAM roles, arn:aws:iam::<12-digit account>:role/<optional path/><name>. Fix: write the role\'s ARN, such as arn:aws:iam::123456789012:role/orders-api',
      'test › orders › databases[0].roles[0].consumers[1] = "arn:aws:iam::123456789012:user/alice": is not an IAM role ARN; AWS consumers are IAM roles, arn:aws:iam::<12-digit account>:role/<optional path/><name>. Fix: write the role\'s ARN, such as arn:aws:iam::123456789012:role/orders-api',
      'test › orders › databases[0].roles[0].consumers[2] = "arn:aws:iam::999999999999:role/orders-api": is a role of account 999999999999, not of the environment\'s account 123456789012; the stack can grant access only to roles of the account it deploys to. Fix: name a role of account 123456789012, or let the other account assume a role of 123456789012 that you list here',
    ]);
  });

  test('AWS: role names of 64 characters pass, 65 do not', () => {
    const role = (length: number) => `arn:aws:iam::123456789012:role/app/${'r'.repeat(length)}`;
    expect(problemsOf(orders({ roles: [appRole({ consumers: [role(64)] })] }))).toEqual([]);
    expect(problemsOf(orders({ roles: [appRole({ consumers: [role(65)] })] }))).toHaveLength(1);
  });

  test('Google Cloud: not a service account, a default compute account', () => {
    const consumers = ['alice@example.com', '100000000001-compute@developer.gserviceaccount.com'];
    expect(problemsOf(ledger({ roles: [{ name: 'ledger_app', access: 'read-write', consumers }] }))).toEqual([
      'test › ledger › databases[1].roles[0].consumers[0] = "alice@example.com": is not a service-account email; Google Cloud consumers are user-managed service accounts, <id>@<project>.iam.gserviceaccount.com. Fix: write the service account\'s email, such as orders-api@fixture-project.iam.gserviceaccount.com',
      'test › ledger › databases[1].roles[0].consumers[1] = "100000000001-compute@developer.gserviceaccount.com": is a Google-managed default service account, shared by every workload of its project; a role\'s consumer must be the application\'s own account. Fix: create a service account for the application, such as orders-api@fixture-project.iam.gserviceaccount.com, and list it instead',
    ]);
  });

  test('Google Cloud: an IAM user name of 63 characters passes, 64 does not (PostgreSQL)', () => {
    // <id>@<project>.iam is the user name: id 30 + '@' + project 28 + '.iam' = 63.
    const email = (project: string) => `${'a'.repeat(30)}@${project}.iam.gserviceaccount.com`;
    const within = email(`p${'x'.repeat(27)}`);
    const beyond = email(`p${'x'.repeat(28)}`);
    expect(problemsOf(ledger({ roles: [{ name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: [within] }] }))).toEqual([]);
    expect(problemsOf(ledger({ roles: [{ name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: [beyond] }] }))).toEqual([
      `test › ledger › databases[1].roles[0].consumers[0] = "${beyond}": gives the database user '${beyond.replace('.gserviceaccount.com', '')}' (the email without .gserviceaccount.com), 64 characters; PostgreSQL names hold at most 63. Fix: use a service account with a shorter id or project id`,
    ]);
  });
});

describe('engines the provisioning engine does not speak yet', () => {
  test('RDS for SQL Server: each field, saying what to remove', () => {
    expect(
      problemsOf(
        orders({
          engine: 'sqlserver-se',
          version: '16.00.4215.2.v1',
          instanceClass: 'db.m6i.large',
          licenseModel: 'license-included',
          databaseName: undefined,
          extensions: ['pg_trgm'],
          databases: ['shop'],
          roles: [appRole()],
        }),
      ),
    ).toEqual([
      'test › orders › databases[0].extensions = ["pg_trgm"]: are not supported for RDS for SQL Server Standard Edition yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only. Fix: remove extensions; create extensions on RDS for SQL Server Standard Edition yourself until it is supported',
      'test › orders › databases[0].databases = ["shop"]: are not supported for RDS for SQL Server Standard Edition yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only. Fix: remove databases; create the databases on RDS for SQL Server Standard Edition yourself until it is supported',
      'test › orders › databases[0].roles = [{"name":"orders_app","access":"read-write","auth":"password","consumers":[]}]: are not supported for RDS for SQL Server Standard Edition yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only. Fix: remove roles; create logins and users on RDS for SQL Server Standard Edition yourself until it is supported',
    ]);
  });

  test('Cloud SQL for SQL Server and RDS for Oracle', () => {
    expect(problemsOf(ledger({ engine: 'sqlserver', version: '2022-standard', rootPasswordSecret: 'sqlserver-root', databases: ['shop'] }))).toEqual([
      'test › ledger › databases[1].databases = ["shop"]: are not supported for Cloud SQL for SQL Server yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only. Fix: remove databases; create the databases on Cloud SQL for SQL Server yourself until it is supported',
    ]);
    expect(
      problemsOf(
        orders({
          engine: 'oracle-se2',
          version: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
          instanceClass: 'db.m5.large',
          licenseModel: 'license-included',
          databaseName: 'ORCL',
          databases: ['shop'],
        }),
      ),
    ).toEqual([
      'test › orders › databases[0].databases = ["shop"]: are not supported for RDS for Oracle Standard Edition Two yet: the provisioning engine speaks PostgreSQL and the MySQL family (MySQL, MariaDB) only. Fix: remove databases; create the databases on RDS for Oracle Standard Edition Two yourself until it is supported',
    ]);
  });
});

describe('kinds without database access', () => {
  test.each([
    [
      'dynamodb-table',
      { kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' } },
      'roles',
      "a DynamoDB table has no users, databases or extensions; applications are granted access with IAM policies on the table. Fix: remove 'roles' from config/test.ts; grant the application's IAM role access to the table in the application's own stack",
    ],
    [
      'elasticache-cluster',
      { kind: 'elasticache-cluster', name: 'cache', use: 'cache', allowedCidrs: ['10.0.0.0/16'] },
      'databases',
      "ElastiCache users and user groups (RBAC) are not declared by this project yet; clients are admitted by allowedCidrs and TLS. Fix: remove 'databases' from config/test.ts; admit the application with allowedCidrs",
    ],
    [
      'memorystore-instance',
      { kind: 'memorystore-instance', name: 'cache', memorySizeGb: 1 },
      'extensions',
      "a Memorystore for Redis instance has no database users or roles; clients are admitted by the private network. Fix: remove 'extensions' from config/test.ts; connect from the environment's private network",
    ],
  ])('%s', (kind, database, field, rest) => {
    const problems = problemsOf((c) => c.databases.push({ ...database, [field]: ['x'] }));
    expect(problems).toEqual([
      `test › ${database.name} › databases[2].${field} = ["x"]: ${kind} has no ${field}: extensions, databases, roles and roleRemoval are for relational databases (rds-instance, aurora-cluster, cloudsql-instance); ${rest}`,
    ]);
  });

  test('another unknown key keeps the general message', () => {
    expect(problemsOf((c) => c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, users: [] }))).toEqual([
      "test › sessions › databases[2].users = []: is not a known setting here. Fix: remove 'users' from config/test.ts or check its spelling",
    ]);
  });
});

describe('tier defaults inside the database (declaredAccessOf)', () => {
  const resolved = (change: (c: any) => void, index: number) => {
    const check = checkEnvironment('test', withChange(change));
    if (!check.ok) throw new Error(check.problems.map(formatProblem).join('\n'));
    return check.environment.databases[index] as RelationalDatabase;
  };

  test('RDS PostgreSQL: pgaudit, pg_stat_statements and the rds_pgaudit audit role, then the declared extensions', () => {
    expect(declaredAccessOf(resolved(orders({ extensions: ['pg_trgm'] }), 0))).toMatchObject({
      extensions: ['pgaudit', 'pg_stat_statements', 'pg_trgm'],
      auditRole: 'rds_pgaudit',
    });
  });

  test('Cloud SQL PostgreSQL: pgaudit only with auditLogging (its flag), no audit role', () => {
    const access = (auditLogging: boolean) => declaredAccessOf(resolved(ledger({ auditLogging }), 1));
    expect(access(false)).toMatchObject({ extensions: ['pg_stat_statements'] });
    expect(access(true)).toMatchObject({ extensions: ['pgaudit', 'pg_stat_statements'] });
    expect(access(true)?.auditRole).toBeUndefined();
  });
});
