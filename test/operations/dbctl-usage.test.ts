/**
 * The command line: help for every command (exit 0) and an exact message for every usage error (exit 2). These
 * stop before any AWS call, so no endpoint is needed; a client factory that throws proves it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS } from '../../lib/operations/cli/commands';
import { runDbctl } from '../../lib/operations/cli/main';
import { fixtureConfig } from '../support/fixtures';

const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbctl-usage-'));
fs.writeFileSync(path.join(configDir, 'qa.js'), `module.exports = ${JSON.stringify(fixtureConfig('staging'))};\n`);
fs.writeFileSync(
  path.join(configDir, 'gcponly.js'),
  `module.exports = ${JSON.stringify({ ...fixtureConfig('staging'), aws: undefined, databases: fixtureConfig().databases!.slice(1) })};\n`,
);
fs.writeFileSync(
  path.join(configDir, 'awsnone.js'),
  `module.exports = ${JSON.stringify({ ...fixtureConfig('staging'), databases: fixtureConfig().databases!.slice(1) })};\n`,
);
fs.writeFileSync(path.join(configDir, 'throws.js'), `throw new Error('DB_PASSWORD is not set');\n`);
fs.writeFileSync(path.join(configDir, 'broken.js'), `module.exports = ${JSON.stringify({ ...fixtureConfig('staging'), tier: 'prod' })};\n`);

async function run(...argv: string[]) {
  return runWith({}, ...argv);
}

async function runWith(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDbctl(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { DB_CONFIG_DIR: configDir, ...env },
    createClients: () => {
      const noCall = (): never => {
        throw new Error('no AWS call expected');
      };
      return { rds: noCall, kms: noCall, cloudwatch: noCall, dynamodb: noCall, backup: noCall, sns: noCall, elasticache: noCall };
    },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('dbctl help', () => {
  test('GIVEN --help THEN it lists every command and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: dbctl <command> [options]');
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command.name} +${command.summary}$`, 'm'));
  });

  test.each(COMMANDS.map((c) => c.name))('GIVEN %s --help (or help %s) THEN its usage, options and exit codes are shown', async (name) => {
    for (const argv of [
      [name, '--help'],
      ['help', name],
      [name, '-h', '--bogus'],
    ]) {
      const { code, stdout } = await run(...argv);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(`Usage: ${COMMANDS.find((c) => c.name === name)!.usage}`);
      expect(stdout).toContain('Exit codes: 0 ');
      expect(stdout).toContain('  --env <name>');
      expect(stdout).toContain('  --endpoint-url <url>');
    }
  });
});

test('GIVEN an environment with no AWS database WHEN verify runs THEN it says there is nothing to verify and exits 0', async () => {
  expect(await run('verify', '--env', 'awsnone')).toEqual({
    code: 0,
    stdout: "No AWS databases are planned in environment 'awsnone': nothing to verify.",
    stderr: '',
  });
});

describe('dbctl usage errors exit 2 with an exact message', () => {
  test.each([
    [[], 'Missing command. Commands: verify, restore-drill, provision.', "Run 'dbctl --help' for usage."],
    [['status'], "Unknown command 'status'. Commands: verify, restore-drill, provision.", "Run 'dbctl --help' for usage."],
    [['verify'], "Missing required option '--env' for 'dbctl verify'.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env'], "Option '--env' needs a value <name>.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', '--json'], "Option '--env' needs a value <name>.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', 'qa', '--env', 'qa'], "Option '--env' given twice.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', 'qa', '--json=yes'], "Option '--json' takes no value.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', 'qa', '--latest'], "Unknown option '--latest' for 'dbctl verify'.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', 'qa', '--regoin', 'x'], "Unknown option '--regoin' for 'dbctl verify'.", "Run 'dbctl verify --help' for usage."],
    [['verify', '-e', 'qa'], "Unknown option '-e'.", "Run 'dbctl verify --help' for usage."],
    [['verify', '--env', 'qa', 'orders'], "Unexpected argument 'orders'.", "Run 'dbctl verify --help' for usage."],
    [
      ['verify', '--env', 'production'],
      "Unknown environment 'production'. Available: awsnone, broken, gcponly, qa, throws.",
      "Run 'dbctl verify --help' for usage.",
    ],
    [
      ['verify', '--env', 'qa', '--database', 'payments'],
      "Unknown database 'payments' in environment 'qa'. AWS databases: orders.",
      "Run 'dbctl verify --help' for usage.",
    ],
    [
      ['verify', '--env', 'qa', '--database', 'ledger'],
      "Database 'ledger' of environment 'qa' is a Cloud SQL instance: dbctl works on AWS databases (Google Cloud is not supported yet).",
      "Run 'dbctl verify --help' for usage.",
    ],
    [
      ['verify', '--env', 'gcponly'],
      "Environment 'gcponly' has no AWS section: dbctl works on AWS databases (Google Cloud is not supported yet).",
      "Run 'dbctl verify --help' for usage.",
    ],
    [
      ['verify', '--env', 'qa', '--endpoint-url', 'localhost:5000'],
      "Invalid '--endpoint-url' value 'localhost:5000': expected an http:// or https:// URL.",
      "Run 'dbctl verify --help' for usage.",
    ],
    [['restore-drill', '--env', 'qa'], "Missing required option '--database' for 'dbctl restore-drill'.", "Run 'dbctl restore-drill --help' for usage."],
    [
      ['restore-drill', '--env', 'qa', '--database', 'orders', '--to', '2026-01-31T12:00:00Z', '--latest'],
      "Use either '--to' or '--latest', not both.",
      "Run 'dbctl restore-drill --help' for usage.",
    ],
    [
      ['restore-drill', '--env', 'qa', '--database', 'orders', '--to', 'yesterday'],
      "Invalid '--to' value 'yesterday': expected an ISO 8601 time with a time zone, e.g. 2026-01-31T12:00:00Z.",
      "Run 'dbctl restore-drill --help' for usage.",
    ],
    [
      ['restore-drill', '--env', 'qa', '--database', 'orders', '--timeout', '0'],
      "Invalid '--timeout' value '0': expected whole minutes from 1 to 1440, or seconds from 10s to 86400s.",
      "Run 'dbctl restore-drill --help' for usage.",
    ],
    [
      ['restore-drill', '--env', 'qa', '--database', 'orders', '--timeout', '90m'],
      "Invalid '--timeout' value '90m': expected whole minutes from 1 to 1440, or seconds from 10s to 86400s.",
      "Run 'dbctl restore-drill --help' for usage.",
    ],
    [
      ['restore-drill', '--env', 'qa', '--database', 'orders', '--timeout', '9s'],
      "Invalid '--timeout' value '9s': expected whole minutes from 1 to 1440, or seconds from 10s to 86400s.",
      "Run 'dbctl restore-drill --help' for usage.",
    ],
    [
      ['verify', '--env', 'throws'],
      `Could not load the config of environment 'throws' (${path.join(configDir, 'throws')}): Error: DB_PASSWORD is not set. Fix the file and run dbctl again ('npm run typecheck' checks a .ts config).`,
      "Run 'dbctl verify --help' for usage.",
    ],
  ])('GIVEN dbctl %j THEN the error is exact', async (argv, message, hint) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    if (argv.includes('--json')) expect(JSON.parse(stdout)).toEqual({ command: 'verify', ok: false, error: { kind: 'usage', message } });
    else expect(stdout).toBe('');
    expect(stderr).toBe(`dbctl: ${message}\n${hint}`);
  });

  test.each([
    [
      { AWS_MAX_ATTEMPTS: '0' },
      "Invalid AWS_MAX_ATTEMPTS '0': expected a whole number from 1 to 20 (attempts per AWS call, including the first). Unset it for the default, or set a value in range.",
    ],
    [
      { AWS_MAX_ATTEMPTS: '1000' },
      "Invalid AWS_MAX_ATTEMPTS '1000': expected a whole number from 1 to 20 (attempts per AWS call, including the first). Unset it for the default, or set a value in range.",
    ],
    [
      { AWS_MAX_ATTEMPTS: 'many' },
      "Invalid AWS_MAX_ATTEMPTS 'many': expected a whole number from 1 to 20 (attempts per AWS call, including the first). Unset it for the default, or set a value in range.",
    ],
    [
      { DBCTL_ATTEMPT_TIMEOUT_SECONDS: '301' },
      "Invalid DBCTL_ATTEMPT_TIMEOUT_SECONDS '301': expected a whole number from 1 to 300 (seconds one HTTP attempt may take). Unset it for the default, or set a value in range.",
    ],
  ])('GIVEN %j THEN the error is exact and --json still prints one JSON document', async (env, message) => {
    const text = await runWith(env, 'verify', '--env', 'qa');
    expect(text).toEqual({ code: 2, stdout: '', stderr: `dbctl: ${message}\nRun 'dbctl verify --help' for usage.` });
    const json = await runWith(env, 'restore-drill', '--env', 'qa', '--database', 'orders', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ command: 'restore-drill', ok: false, error: { kind: 'usage', message } });
  });

  test('GIVEN an invalid environment config THEN the config problems are printed and it exits 2', async () => {
    const { code, stderr } = await run('verify', '--env', 'broken');
    expect(code).toBe(2);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe('dbctl: Invalid database configuration (1 problem):');
    expect(lines[1]).toMatch(/^ {2}- broken › tier = "prod": must be one of development, staging, production\. Fix: change tier in .*broken\.js$/);
  });

  test('GIVEN a config folder that does not exist THEN it says which and exits 2', async () => {
    const out: string[] = [];
    const code = await runDbctl(['verify', '--env', 'qa'], { out: (t) => out.push(t), err: (t) => out.push(t), env: { DB_CONFIG_DIR: '/nonexistent/config' } });
    expect(code).toBe(2);
    expect(out[0]).toBe('dbctl: Config folder /nonexistent/config not found (set DB_CONFIG_DIR, or run dbctl in the project).');
  });
});
