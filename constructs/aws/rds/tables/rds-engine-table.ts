/**
 * RDS engines as rows of a table: supported versions, parameter group family, port, TLS, audit, log types, replica
 * limits, licensing, which instance generations run them. Pure data (no CDK imports) so config validation and the
 * plan can use it without loading aws-cdk-lib. Behaviour shared by several engines (tuning, parameter names, the
 * CDK engine) is looked up by `parameterFamily`, never copied per engine.
 *
 * Versions are full versions that cfn-lint 1.51 accepts and does not flag as deprecated (W3691); a version RDS can
 * no longer create instances with does not belong here (test/aws/rds-engine-table.test.ts checks cfn-lint's data).
 */
import { RDS_TUNING, RdsTuning } from './rds-tuning';

export type RdsParameterFamily = 'postgres' | 'mysql' | 'mariadb' | 'sqlserver' | 'oracle';
export type RdsLicenseModel = 'postgresql-license' | 'general-public-license' | 'license-included' | 'bring-your-own-license';
export type RdsProxyEngineFamily = 'POSTGRESQL' | 'MYSQL' | 'SQLSERVER';

/** An option of the database's option group (Oracle TLS, MySQL/MariaDB audit). */
export interface RdsOptionSpec {
  readonly name: string;
  /** Options that listen on a port (Oracle SSL) get it opened in the security group instead of the database port. */
  readonly port?: number;
  readonly settings: Readonly<Record<string, string>>;
}

export interface RdsReplicaLimits {
  /** Read replicas per source. */
  readonly max: number;
  readonly crossRegion: boolean;
  /** SQL Server replicates through an Always On availability group, which needs a Multi-AZ source. */
  readonly sourceMustBeMultiAz: boolean;
}

export interface RdsEngineRow {
  /** RDS `Engine` value. */
  readonly engine: string;
  readonly displayName: string;
  readonly parameterFamily: RdsParameterFamily;
  readonly versions: readonly string[];
  /** Major version of a full version (`17.6` → `17`, `8.0.43` → `8.0`, `16.00.4215.2.v1` → `16.00`). */
  readonly majorOf: (version: string) => string;
  /** Parameter group family of a major version (`17` → `postgres17`). */
  readonly familyOf: (major: string) => string;
  readonly defaultPort: number;
  /** Parameters that refuse unencrypted connections (Oracle does it with the SSL option instead). */
  readonly tlsParameters: Readonly<Record<string, string>>;
  /** Parameters that turn on audit logging, where the engine audits through parameters. */
  readonly auditParameters: Readonly<Record<string, string>>;
  /** Option group options: TLS for Oracle, the audit plugin for MySQL and MariaDB. */
  readonly options: readonly RdsOptionSpec[];
  /** CloudWatch Logs export types. */
  readonly logExports: readonly string[];
  /** Log types the engine offers that we do not export on purpose (they record every statement with its data). */
  readonly unexportedLogTypes?: readonly string[];
  /** Log types cdk-nag expects that this engine does not produce as we configure it, each with why. */
  readonly logTypesNotProduced?: Readonly<Record<string, string>>;
  /**
   * IAM database authentication: `true`, `false`, or the first major that has it. RDS for MariaDB has it from 10.11
   * only (10.6 and older: "Not available" in every Region listed), RDS for Oracle and SQL Server not at all —
   * "Supported Regions and DB engines for IAM database authentication in Amazon RDS"
   * (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.IamDatabaseAuthentication.html).
   */
  readonly iamAuthentication: boolean | { readonly fromMajor: string };
  readonly multiAz: boolean;
  /** Undefined when the engine (edition) has no read replicas. */
  readonly readReplicas?: RdsReplicaLimits;
  /** Allowed license models; the first is the default. */
  readonly licenseModels: readonly RdsLicenseModel[];
  /** Whether Graviton (ARM) classes run this engine. */
  readonly graviton: boolean;
  /** RDS Proxy engine family; undefined when RDS Proxy does not support the engine. */
  readonly proxyEngineFamily?: RdsProxyEngineFamily;
  /** The parameter that caps connections and RDS's default for it, evaluated for a memory size in bytes. */
  readonly maxConnections: { readonly parameter: string; readonly default: (memoryBytes: number) => number };
  readonly tune: RdsTuning;
}

const firstPart = (version: string) => version.split('.')[0];
const firstTwoParts = (version: string) => version.split('.').slice(0, 2).join('.');

const POSTGRES_VERSIONS = ['14.22', '15.17', '16.13', '17.6', '17.9', '18.3'];
const MYSQL_VERSIONS = ['8.0.42', '8.0.43', '8.4.5', '8.4.6'];
const MARIADB_VERSIONS = ['10.6.23', '10.11.14', '11.4.8', '11.8.3'];
const SQLSERVER_VERSIONS = ['15.00.4440.1.v1', '16.00.4215.2.v1'];
const ORACLE_VERSIONS = ['19.0.0.0.ru-2025-07.rur-2025-07.r1', '19.0.0.0.ru-2025-10.rur-2025-10.r1'];

const MARIADB_AUDIT: RdsOptionSpec = {
  name: 'MARIADB_AUDIT_PLUGIN',
  // Connections, schema changes and grants; not every query (that belongs in the slow or general log).
  settings: { SERVER_AUDIT_EVENTS: 'CONNECT,QUERY_DDL,QUERY_DCL' },
};

const mysqlLike = (
  engine: 'mysql' | 'mariadb',
  displayName: string,
  versions: string[],
  iamAuthentication: RdsEngineRow['iamAuthentication'],
): RdsEngineRow => ({
  engine,
  displayName,
  parameterFamily: engine,
  versions,
  majorOf: firstTwoParts,
  familyOf: (major) => `${engine}${major}`,
  defaultPort: 3306,
  tlsParameters: { require_secure_transport: '1' },
  auditParameters: {},
  options: [MARIADB_AUDIT],
  logExports: ['error', 'slowquery', 'audit'],
  unexportedLogTypes: ['general'],
  iamAuthentication,
  multiAz: true,
  readReplicas: { max: 15, crossRegion: true, sourceMustBeMultiAz: false },
  licenseModels: ['general-public-license'],
  graviton: true,
  proxyEngineFamily: 'MYSQL',
  maxConnections: { parameter: 'max_connections', default: (bytes) => Math.floor(bytes / 12582880) },
  tune: RDS_TUNING[engine],
});

type SqlServerEdition = 'ex' | 'web' | 'se' | 'ee';
const SQLSERVER_EDITIONS: Record<SqlServerEdition, { name: string; multiAz: boolean; replicas: boolean }> = {
  ex: { name: 'Express', multiAz: false, replicas: false },
  web: { name: 'Web', multiAz: false, replicas: false },
  se: { name: 'Standard', multiAz: true, replicas: false },
  ee: { name: 'Enterprise', multiAz: true, replicas: true },
};

const sqlServer = (edition: SqlServerEdition): RdsEngineRow => {
  const { name, multiAz, replicas } = SQLSERVER_EDITIONS[edition];
  return {
    engine: `sqlserver-${edition}`,
    displayName: `SQL Server ${name} Edition`,
    parameterFamily: 'sqlserver',
    versions: SQLSERVER_VERSIONS,
    majorOf: firstTwoParts,
    // `16.00` → `sqlserver-se-16.0`
    familyOf: (major) => `sqlserver-${edition}-${Number(firstPart(major))}.0`,
    defaultPort: 1433,
    tlsParameters: { 'rds.force_ssl': '1' },
    // SQL Server audit writes to S3 (the SQLSERVER_AUDIT option): not configured here, see docs/rds.md.
    auditParameters: {},
    options: [],
    // Express has no SQL Server Agent, so no agent log.
    logExports: edition === 'ex' ? ['error'] : ['agent', 'error'],
    logTypesNotProduced: edition === 'ex' ? { agent: 'SQL Server Express has no SQL Server Agent, so RDS has no agent log to export' } : undefined,
    iamAuthentication: false,
    multiAz,
    readReplicas: replicas ? { max: 5, crossRegion: false, sourceMustBeMultiAz: true } : undefined,
    licenseModels: ['license-included'],
    graviton: false,
    proxyEngineFamily: 'SQLSERVER',
    // `user connections` 0 means the engine maximum, 32767.
    maxConnections: { parameter: 'user connections', default: () => 32767 },
    tune: RDS_TUNING.sqlserver,
  };
};

type OracleEdition = 'se2' | 'ee';
const oracle = (edition: OracleEdition): RdsEngineRow => ({
  engine: `oracle-${edition}`,
  displayName: `Oracle ${edition === 'ee' ? 'Enterprise' : 'Standard Edition Two'}`,
  parameterFamily: 'oracle',
  versions: ORACLE_VERSIONS,
  majorOf: firstPart,
  familyOf: (major) => `oracle-${edition}-${major}`,
  defaultPort: 1521,
  tlsParameters: {},
  // Audit records as operating-system files, which the `audit` log export ships to CloudWatch Logs.
  auditParameters: { audit_trail: 'OS' },
  options: [
    {
      name: 'SSL',
      port: 2484,
      settings: { 'SQLNET.SSL_VERSION': '1.2', 'SQLNET.CIPHER_SUITE': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'FIPS.SSLFIPS_140': 'FALSE' },
    },
  ],
  logExports: ['alert', 'audit', 'listener', 'trace'],
  logTypesNotProduced: { oemagent: 'the oemagent log exists only with the OEM_AGENT option, which these instances do not install' },
  iamAuthentication: false,
  multiAz: true,
  // Read replicas need Active Data Guard, an Enterprise Edition option.
  readReplicas: edition === 'ee' ? { max: 5, crossRegion: true, sourceMustBeMultiAz: false } : undefined,
  // Enterprise Edition is only bring-your-own-license on RDS.
  licenseModels: edition === 'ee' ? ['bring-your-own-license'] : ['license-included', 'bring-your-own-license'],
  graviton: false,
  maxConnections: { parameter: 'processes', default: (bytes) => Math.min(Math.floor(bytes / 9868951), 20000) },
  tune: RDS_TUNING.oracle,
});

const ENGINE_ROWS = {
  postgres: {
    engine: 'postgres',
    displayName: 'PostgreSQL',
    parameterFamily: 'postgres',
    versions: POSTGRES_VERSIONS,
    majorOf: firstPart,
    familyOf: (major) => `postgres${major}`,
    defaultPort: 5432,
    tlsParameters: { 'rds.force_ssl': '1' },
    auditParameters: {
      shared_preload_libraries: 'pg_stat_statements,pgaudit',
      'pgaudit.log': 'ddl,role',
      // The role RDS documents for pgaudit's object auditing.
      'pgaudit.role': 'rds_pgaudit',
    },
    options: [],
    logExports: ['postgresql', 'upgrade'],
    iamAuthentication: true,
    multiAz: true,
    readReplicas: { max: 15, crossRegion: true, sourceMustBeMultiAz: false },
    licenseModels: ['postgresql-license'],
    graviton: true,
    proxyEngineFamily: 'POSTGRESQL',
    maxConnections: { parameter: 'max_connections', default: (bytes) => Math.min(Math.floor(bytes / 9531392), 5000) },
    tune: RDS_TUNING.postgres,
  },
  mysql: mysqlLike('mysql', 'MySQL', MYSQL_VERSIONS, true),
  mariadb: mysqlLike('mariadb', 'MariaDB', MARIADB_VERSIONS, { fromMajor: '10.11' }),
  'sqlserver-ex': sqlServer('ex'),
  'sqlserver-web': sqlServer('web'),
  'sqlserver-se': sqlServer('se'),
  'sqlserver-ee': sqlServer('ee'),
  'oracle-se2': oracle('se2'),
  'oracle-ee': oracle('ee'),
} satisfies Record<string, RdsEngineRow>;

/** The engines RdsDatabase takes: a literal union, so an editor completes it and `tsc` rejects a typo. */
export type RdsEngine = keyof typeof ENGINE_ROWS;

export const RDS_ENGINE_TABLE: Readonly<Record<RdsEngine, RdsEngineRow>> = ENGINE_ROWS;

export const RDS_ENGINES_SUPPORTED = Object.keys(RDS_ENGINE_TABLE) as RdsEngine[];

/** The row of an engine name that comes from outside the type system (a config file); undefined when unknown. */
export function rdsEngineRow(engine: string): RdsEngineRow | undefined {
  return Object.hasOwn(RDS_ENGINE_TABLE, engine) ? RDS_ENGINE_TABLE[engine as RdsEngine] : undefined;
}

/**
 * The database port (the engine's default unless given) and the port clients connect to, which the security group
 * opens: an option's own listener where the engine has one (Oracle's TLS listener), else the database port.
 */
export function rdsPorts(row: RdsEngineRow, port: number | undefined): { readonly port: number; readonly clientPort: number } {
  const databasePort = port ?? row.defaultPort;
  return { port: databasePort, clientPort: row.options.find((option) => option.port !== undefined)?.port ?? databasePort };
}

/** The license model of an instance: the one given, else the engine's first (Oracle Enterprise Edition: bring-your-own-license). */
export const rdsLicenseModel = (row: RdsEngineRow, given: RdsLicenseModel | undefined): RdsLicenseModel => given ?? row.licenseModels[0];

/** `10.6` < `10.11` < `11.4`: dotted majors compared part by part, as numbers. */
function majorAtLeast(major: string, first: string): boolean {
  const [a, b] = [major, first].map((text) => text.split('.').map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Whether an engine version has IAM database authentication (the constructs turn it on wherever it does). */
export function rdsIamAuthentication(row: RdsEngineRow, version: string): boolean {
  const { iamAuthentication } = row;
  return typeof iamAuthentication === 'boolean' ? iamAuthentication : majorAtLeast(row.majorOf(version), iamAuthentication.fromMajor);
}
