/**
 * Every PostgreSQL setting we emit (RDS parameter groups, Aurora cluster and instance groups, Cloud SQL flags) checked
 * against a real server of its own major: the committed catalog is what those servers say, each emitted value is
 * within its server's range, and a throwaway server of each major boots with the emitted settings, so the server
 * itself validates them. Servers: the pg14…pg18 devDependencies (test/support/postgres-servers.ts).
 */
import { AURORA_ENGINE_TABLE } from '../../constructs/aws/aurora/tables/aurora-engine-table';
import { auroraParameters } from '../../constructs/aws/aurora/tables/aurora-parameters';
import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds/tables/rds-engine-table';
import { rdsParameters } from '../../constructs/aws/rds/tables/rds-parameters';
import { RDS_INSTANCE_CLASSES } from '../../constructs/common/instance-catalog';
import { BooleanStyle, postgresSetting, postgresValueProblem } from '../../constructs/common/postgres-settings';
import { POSTGRES_SETTINGS_BY_MAJOR } from '../../constructs/common/postgres-settings-catalog';
import { CLOUD_SQL_ENGINE_TABLE } from '../../constructs/gcp/tables/cloud-sql-engine-table';
import { CLOUD_SQL_FLAGS } from '../../constructs/gcp/tables/cloud-sql-flag-table';
import { featureFlags } from '../../constructs/gcp/cloud-sql-settings';
import { CloudSqlMachineTier, parseCloudSqlTier } from '../../constructs/gcp/tables/cloud-sql-tiers';
import { tunePostgresForCloudSql } from '../../constructs/gcp/tables/cloud-sql-tuning';
import type { InstanceSize } from '../../constructs/common/instance-catalog';
import { describeWithPostgresServers } from '../support/local-tools';
import { bootWithSettings, describeConfig, POSTGRES_SERVER_MAJORS, removeCopiedBinaries } from '../support/postgres-servers';
import { readServerSettings } from '../support/postgres-settings-source';

/**
 * Names a plain PostgreSQL server does not have, which the providers add: RDS's own settings (`rds.*`), Cloud SQL's
 * (`cloudsql.*`), and those of extensions the providers install (`pgaudit.*`). Their names are checked against the
 * providers' catalogs instead (rds-parameter-names.ts, cloud-sql-flag-table.ts). Adding one here is a decision.
 */
const PROVIDER_PREFIXES = ['rds.', 'cloudsql.', 'pgaudit.'];
/** Libraries the providers install that the plain server does not ship: dropped from shared_preload_libraries at boot. */
const PROVIDER_LIBRARIES = ['pgaudit'];
const isProviderSetting = (name: string) => PROVIDER_PREFIXES.some((prefix) => name.startsWith(prefix));

/** The server's shared memory in the test: 16 MB instead of a quarter of a large instance's memory. */
const SCALED_SHARED_BUFFERS_PAGES = '2048';

interface Emitted {
  readonly source: string;
  readonly major: string;
  readonly settings: Record<string, string>;
  readonly booleans: BooleanStyle;
}

const majorsOf = (versions: readonly string[], majorOf: (v: string) => string) => [...new Set(versions.map(majorOf))];

/** RDS evaluates `{DBInstanceClassMemory…}` formulas per class; the test does the same for the class's memory. */
function evaluateFormulas(settings: Record<string, string>, memoryGiB: number): Record<string, string> {
  const bytes = memoryGiB * 1024 ** 3;
  const evaluate = (formula: string) =>
    String(Function('LEAST', `return ${formula.replace(/\{DBInstanceClassMemory([^}]*)\}/g, `Math.floor(${bytes}$1)`)}`)(Math.min));
  return Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, /DBInstanceClassMemory/.test(value) ? evaluate(value) : value]));
}

const memorySizes = [...new Set(Object.values(RDS_INSTANCE_CLASSES).map((info) => info.memoryGiB))].sort((a, b) => a - b);
const rdsMajors = majorsOf(RDS_ENGINE_TABLE.postgres.versions, RDS_ENGINE_TABLE.postgres.majorOf);
const aurora = AURORA_ENGINE_TABLE['aurora-postgresql'];
const auroraMajors = majorsOf(
  aurora.versions.map((v) => v.version),
  aurora.majorOf,
);
const cloudSqlMajors = Object.keys(CLOUD_SQL_ENGINE_TABLE.postgres.versions);
const CLOUD_SQL_TIERS = ['db-f1-micro', 'db-g1-small', 'db-custom-1-3840', 'db-custom-2-7680', 'db-custom-16-61440', 'db-custom-96-638976'];
const classWithMemory = (memoryGiB: number) => Object.entries(RDS_INSTANCE_CLASSES).find(([, info]) => info.memoryGiB === memoryGiB)![0];

function rdsEmitted(major: string, memoryGiB: number): Emitted {
  const parameters = rdsParameters({ engine: 'postgres', instanceClass: classWithMemory(memoryGiB), slowQueryThresholdMs: 1000 });
  return { source: `RDS postgres${major} ${memoryGiB} GiB`, major, settings: evaluateFormulas(parameters, memoryGiB), booleans: 'rds' };
}

function auroraEmitted(major: string, memoryGiB: number | undefined): Emitted {
  const { cluster, instance } = auroraParameters({ engine: 'aurora-postgresql', memoryGiB, vcpus: 4, slowQueryThresholdMs: 1000 });
  return {
    source: `Aurora aurora-postgresql${major} ${memoryGiB ?? 'Serverless v2'}`,
    major,
    settings: evaluateFormulas({ ...cluster, ...instance }, memoryGiB ?? 0),
    booleans: 'rds',
  };
}

function cloudSqlEmitted(major: string, tier: string): Emitted {
  const size: InstanceSize = (parseCloudSqlTier(tier) as CloudSqlMachineTier).size;
  const row = CLOUD_SQL_ENGINE_TABLE.postgres;
  const flags = {
    ...tunePostgresForCloudSql({ size, slowQueryThresholdMs: 1000, diskType: 'PD_SSD' }),
    ...featureFlags(row, { iamAuthentication: true, auditLogging: true }),
  };
  return { source: `Cloud SQL POSTGRES_${major} ${tier}`, major, settings: flags, booleans: 'postgres' };
}

const everyEmitted: Emitted[] = [
  ...rdsMajors.flatMap((major) => memorySizes.map((memory) => rdsEmitted(major, memory))),
  ...auroraMajors.flatMap((major) => [...memorySizes.map((memory) => auroraEmitted(major, memory)), auroraEmitted(major, undefined)]),
  ...cloudSqlMajors.flatMap((major) => CLOUD_SQL_TIERS.map((tier) => cloudSqlEmitted(major, tier))),
];

test('every PostgreSQL major we emit settings for has a server and a catalog entry', () => {
  for (const major of [...rdsMajors, ...auroraMajors, ...cloudSqlMajors]) {
    expect({ major, server: (POSTGRES_SERVER_MAJORS as readonly string[]).includes(major), catalog: major in POSTGRES_SETTINGS_BY_MAJOR }).toEqual({
      major,
      server: true,
      catalog: true,
    });
  }
});

test.each(everyEmitted.map((emitted) => [emitted.source, emitted] as const))('%s: every emitted setting exists in its major and is in range', (_, emitted) => {
  for (const [name, value] of Object.entries(emitted.settings)) {
    if (isProviderSetting(name)) continue;
    const spec = postgresSetting(emitted.major, name);
    expect({ name, exists: spec !== undefined }).toEqual({ name, exists: true });
    expect({ name, value, problem: postgresValueProblem(spec!, value, emitted.booleans) }).toEqual({ name, value, problem: undefined });
  }
});

test.each(cloudSqlMajors)("Cloud SQL flag table: each PostgreSQL flag exists in PostgreSQL %s and its range is within the server's", (major) => {
  for (const [name, flag] of Object.entries(CLOUD_SQL_FLAGS.postgres)) {
    if (isProviderSetting(name) || name.startsWith('pg_stat_statements.')) continue;
    const spec = postgresSetting(major, name);
    expect({ name, exists: spec !== undefined }).toEqual({ name, exists: true });
    if (flag.type === 'integer' || flag.type === 'float') {
      expect({ name, min: flag.min >= spec!.min!, max: flag.max <= spec!.max! }).toEqual({ name, min: true, max: true });
    }
    if (flag.type === 'enum') expect({ name, values: flag.values.filter((v) => !spec!.values!.includes(v)) }).toEqual({ name, values: [] });
    if (flag.type === 'boolean') expect({ name, type: spec!.type }).toEqual({ name, type: 'bool' });
  }
});

describeWithPostgresServers(POSTGRES_SERVER_MAJORS)('real PostgreSQL servers', () => {
  afterAll(removeCopiedBinaries);
  test.each([...POSTGRES_SERVER_MAJORS])('the committed catalog is what PostgreSQL %s says (npm run postgres:settings)', (major) => {
    const fromServer = readServerSettings(major);
    expect(JSON.parse(JSON.stringify(POSTGRES_SETTINGS_BY_MAJOR[major]))).toEqual(JSON.parse(JSON.stringify(fromServer)));
    // A second source: `postgres --describe-config` lists the same ranges (it omits enum values).
    for (const described of describeConfig(major).values()) {
      const spec = postgresSetting(major, described.name);
      if (!spec || (spec.type !== 'integer' && spec.type !== 'real')) continue;
      expect({ name: described.name, min: Number(described.min), max: Number(described.max) }).toEqual({
        name: described.name,
        min: expect.closeTo(spec.min!, 5),
        max: spec.max! > 1e300 ? expect.any(Number) : expect.closeTo(spec.max!, 5),
      });
    }
  });

  /** The settings as a server of this major gets them at boot: provider names dropped, shared memory scaled down. */
  function forBoot(emitted: Emitted): Record<string, string> {
    const settings: Record<string, string> = {};
    for (const [name, value] of Object.entries(emitted.settings)) {
      if (isProviderSetting(name)) continue;
      settings[name] =
        name === 'shared_preload_libraries'
          ? value
              .split(',')
              .filter((lib) => !PROVIDER_LIBRARIES.includes(lib.trim()))
              .join(',')
          : value;
    }
    if (settings.shared_buffers !== undefined) settings.shared_buffers = SCALED_SHARED_BUFFERS_PAGES;
    return settings;
  }

  const largest = memorySizes[memorySizes.length - 1];
  const boots: Emitted[] = [
    ...rdsMajors.map((major) => rdsEmitted(major, largest)),
    ...auroraMajors.map((major) => auroraEmitted(major, largest)),
    ...cloudSqlMajors.map((major) => cloudSqlEmitted(major, 'db-custom-96-638976')),
  ];

  test.each(boots.map((emitted) => [emitted.source, emitted] as const))('%s: a server of that major boots with the emitted settings', async (_, emitted) => {
    const settings = forBoot(emitted);
    const result = await bootWithSettings(emitted.major, settings);
    expect({ ready: result.ready, refused: result.log.split('\n').filter((line) => /FATAL|invalid value|unrecognized/.test(line)) }).toEqual({
      ready: true,
      refused: [],
    });
    // The server read our values (not its defaults): it would have said so in its log otherwise.
    expect(Object.keys(settings).length).toBeGreaterThan(5);
  });

  test('control: the server refuses a bad value, so the boot test can fail', async () => {
    const result = await bootWithSettings('17', { max_connections: 'unlimited' });
    expect(result.ready).toBe(false);
    expect(result.log).toContain('invalid value for parameter "max_connections": "unlimited"');
  });
});
