/**
 * MySQL-family settings checked against a real MariaDB server (Debian 12's MariaDB 10.11): each MariaDB value rule is
 * what the server's own `information_schema.SYSTEM_VARIABLES` says, and a throwaway server boots with every setting
 * we emit for MariaDB, MySQL and Aurora MySQL (buffer pool scaled down) and reports back the values we gave it.
 * MySQL itself is not installable here: its rules cite the MySQL manual (constructs/aws/rds/tables/rds-parameter-ranges.ts), and
 * the MySQL settings we emit are the MariaDB ones (asserted below), so the boot covers their names and syntax.
 */
import { auroraParameters } from '../../constructs/aws/aurora/tables/aurora-parameters';
import { rdsParameters } from '../../constructs/aws/rds/tables/rds-parameters';
import { enumValuesAt, RDS_PARAMETER_RANGES } from '../../constructs/aws/rds/tables/rds-parameter-ranges';
import { rdsParameterValueProblem } from '../../constructs/aws/rds/tables/rds-parameter-values';
import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds/tables/rds-engine-table';
import { RDS_INSTANCE_CLASSES } from '../../constructs/common/instance-catalog';
import { describeWithMariadb } from '../support/local-tools';
import { startMariadb, type MariadbServer } from '../support/mariadb-server';

/** The MariaDB major of the server the test runs (Debian 12 ships 10.11). */
const SERVER_MAJOR = '10.11';
/** Aurora MySQL's own audit settings: Aurora's audit, not a MariaDB plugin the plain server loads. */
const PROVIDER_PREFIXES = ['server_audit_'];
/** Startup options that MariaDB 10.11 reads but has no system variable of that name for: checked as the variable they set. */
const OPTION_TO_VARIABLE: Readonly<Record<string, string>> = { transaction_isolation: 'tx_isolation' };
/** The server's buffer pool in the test: 128 MiB instead of three quarters of a large instance's memory. */
const SCALED_BUFFER_POOL = String(128 * 1024 ** 2);

const memorySizes = [...new Set(Object.values(RDS_INSTANCE_CLASSES).map((info) => info.memoryGiB))].sort((a, b) => a - b);
const classWithMemory = (memoryGiB: number) => Object.entries(RDS_INSTANCE_CLASSES).find(([, info]) => info.memoryGiB === memoryGiB)![0];
const majorsOf = (engine: 'mysql' | 'mariadb') => [...new Set(RDS_ENGINE_TABLE[engine].versions.map(RDS_ENGINE_TABLE[engine].majorOf))];
const SLOW_THRESHOLDS_MS = [100, 500, 1000, 2000];

/** RDS evaluates `{DBInstanceClassMemory…}` per class; the test does the same for the class's memory. */
function evaluateFormulas(settings: Record<string, string>, memoryGiB: number): Record<string, string> {
  const bytes = memoryGiB * 1024 ** 3;
  const evaluate = (formula: string) => String(Math.floor(Function(`return ${formula.replace(/\{DBInstanceClassMemory([^}]*)\}/g, `(${bytes}$1)`)}`)()));
  return Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, /DBInstanceClassMemory/.test(value) ? evaluate(value) : value]));
}

const rdsEmitted = (engine: 'mysql' | 'mariadb', memoryGiB: number, slowQueryThresholdMs = 1000) =>
  evaluateFormulas(rdsParameters({ engine, instanceClass: classWithMemory(memoryGiB), slowQueryThresholdMs }), memoryGiB);

function auroraMysqlEmitted(memoryGiB: number | undefined): Record<string, string> {
  const { cluster, instance } = auroraParameters({ engine: 'aurora-mysql', memoryGiB, vcpus: 4, slowQueryThresholdMs: 1000 });
  return evaluateFormulas({ ...cluster, ...instance }, memoryGiB ?? 0);
}

test('the MySQL settings we emit are the MariaDB ones, so booting MariaDB with them covers both', () => {
  for (const memory of memorySizes) expect(rdsEmitted('mysql', memory)).toEqual(rdsEmitted('mariadb', memory));
});

test.each(['mysql', 'mariadb'] as const)(
  '%s: every emitted setting is within its value rule, at every major, memory size and slow-query threshold',
  (engine) => {
    for (const major of majorsOf(engine)) {
      for (const memory of memorySizes) {
        for (const threshold of SLOW_THRESHOLDS_MS) {
          for (const [name, value] of Object.entries(rdsEmitted(engine, memory, threshold))) {
            expect({ major, memory, name, value, problem: rdsParameterValueProblem(engine, major, name, value) }).toEqual({
              major,
              memory,
              name,
              value,
              problem: undefined,
            });
          }
        }
      }
    }
  },
);

/** Booleans come back as 1/0 or ON/OFF, numbers with trailing zeros (long_query_time 1.000000): compare as the server means them. */
function sameValue(emitted: string, reported: string): boolean {
  const asBoolean = (v: string) => (({ on: '1', off: '0', true: '1', false: '0' }) as Record<string, string>)[v.toLowerCase()] ?? v;
  const [a, b] = [asBoolean(emitted), asBoolean(reported)];
  return a.toLowerCase() === b.toLowerCase() || (a.trim() !== '' && !Number.isNaN(Number(a)) && Number(a) === Number(b));
}

describeWithMariadb()('a real MariaDB server', () => {
  let server: MariadbServer;
  beforeAll(async () => {
    server = await startMariadb({});
    if (!server.ready) throw new Error(`MariaDB did not start:\n${server.log}`);
  }, 90_000);
  afterAll(async () => server?.stop());

  test(`the server is MariaDB ${SERVER_MAJOR}`, () => {
    expect(server.query('SELECT VERSION()')[0][0]).toMatch(new RegExp(`^${SERVER_MAJOR.replace('.', '\\.')}\\.\\d+-MariaDB`));
  });

  test.each(Object.keys(RDS_PARAMETER_RANGES.mariadb))('MariaDB value rule of %s is what the server says', (name) => {
    const range = RDS_PARAMETER_RANGES.mariadb[name];
    const variable = OPTION_TO_VARIABLE[name] ?? name;
    const rows = server.query(
      `SELECT VARIABLE_TYPE, NUMERIC_MIN_VALUE, NUMERIC_MAX_VALUE, ENUM_VALUE_LIST FROM information_schema.SYSTEM_VARIABLES WHERE VARIABLE_NAME = '${variable.toUpperCase()}'`,
    );
    expect({ variable, found: rows.length }).toEqual({ variable, found: 1 });
    const [type, min, max, values] = rows[0];
    if (type === 'BOOLEAN') {
      expect({ name, range }).toEqual({ name, range: { type: 'integer', min: 0, max: 1 } });
    } else if (type === 'ENUM' || type === 'SET') {
      const ours = range.type === 'enum' ? enumValuesAt(range, SERVER_MAJOR) : range.type === 'set' ? range.values : [];
      expect({ name, type: range.type, values: [...ours].sort() }).toEqual({ name, type: type.toLowerCase(), values: values.split(',').sort() });
    } else {
      expect(range.type === 'integer' || range.type === 'number').toBe(true);
      if (range.type !== 'integer' && range.type !== 'number') return;
      // Past 2^53 the rule stops at the largest exact JavaScript integer.
      const serverMax = BigInt(max) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(max);
      expect({ name, min: range.min, max: range.max }).toEqual({ name, min: Number(min), max: serverMax });
    }
  });

  /** The settings as a plain server gets them: provider-only names dropped, the buffer pool scaled down. */
  function forBoot(settings: Record<string, string>): Record<string, string> {
    const boot = Object.fromEntries(Object.entries(settings).filter(([name]) => !PROVIDER_PREFIXES.some((prefix) => name.startsWith(prefix))));
    if (boot.innodb_buffer_pool_size !== undefined) boot.innodb_buffer_pool_size = SCALED_BUFFER_POOL;
    return boot;
  }

  const largest = memorySizes[memorySizes.length - 1];
  const boots: [string, Record<string, string>][] = [
    [`RDS MariaDB/MySQL ${largest} GiB`, rdsEmitted('mariadb', largest)],
    [`Aurora MySQL ${largest} GiB`, auroraMysqlEmitted(largest)],
    ['Aurora MySQL Serverless v2', auroraMysqlEmitted(undefined)],
  ];

  test.each(boots)(
    '%s: the server boots with the emitted settings, refuses or adjusts none, and reports each back',
    async (_, emitted) => {
      const settings = forBoot(emitted);
      expect(Object.keys(settings).length).toBeGreaterThan(5);
      const booted = await startMariadb(settings);
      try {
        const complaints = booted.log.split('\n').filter((line) => /\[ERROR\]|unknown variable|adjusted to|Truncated|Warning\] .*(value|option)/i.test(line));
        expect({ ready: booted.ready, complaints }).toEqual({ ready: true, complaints: [] });
        for (const [name, value] of Object.entries(settings)) {
          const variable = OPTION_TO_VARIABLE[name] ?? name;
          const reported = booted.query(`SELECT @@GLOBAL.${variable}`)[0][0];
          expect({ name, value, same: sameValue(value, reported), reported }).toEqual({ name, value, same: true, reported });
        }
      } finally {
        await booted.stop();
      }
    },
    120_000,
  );

  test('control: the server refuses an unknown setting and adjusts an out-of-range one, so the boot test can fail', async () => {
    const refused = await startMariadb({ no_such_setting: '1' });
    await refused.stop();
    expect(refused.ready).toBe(false);
    expect(refused.log).toContain("unknown variable 'no_such_setting=1'");
    const adjusted = await startMariadb({ innodb_flush_log_at_trx_commit: '4' });
    try {
      expect(adjusted.log).toMatch(/innodb[-_]flush[-_]log[-_]at[-_]trx[-_]commit.*adjusted to 3/);
    } finally {
      await adjusted.stop();
    }
  }, 120_000);
});
