/**
 * dbctl as users run it: the CLI from the sources (`npm run dbctl`; the packaged build is run by .ci/consumer-check), against moto_server, credentials from the
 * environment only. Exit codes, --json on stdout with progress on stderr, AWS_ENDPOINT_URL, and no secret in any
 * output.
 */
import { DescribeDBInstancesCommand, ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { regionRowLabels } from './support/region-rows';
import { describeWithTool } from '../support/local-tools';
import { FAKE_CREDENTIALS, freePort, MOTO_INSTALL_HINT, MotoServer, startMoto, useFakeCredentials } from './support/moto-server';
import { DbctlRun, dbctlProcess } from './support/run-dbctl';
import { defaultNetwork, ENVIRONMENT, rdsClient, samplePlan, seedFoundation, seedRdsInstance, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

function expectNoSecret(run: DbctlRun) {
  for (const secret of [FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY, FAKE_CREDENTIALS.AWS_SESSION_TOKEN]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describeMoto('dbctl as a process against moto', () => {
  let moto: MotoServer;
  let configDir: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = useFakeCredentials();
    moto = await startMoto();
    const network = await defaultNetwork(moto.endpoint);
    configDir = writeSampleConfig(network);
    await seedFoundation(moto.endpoint, samplePlan(configDir).plan);
    await seedRdsInstance(moto.endpoint, samplePlan(configDir).db, network);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    restoreEnv?.();
  });

  test('GIVEN --help THEN it prints the commands and exits 0', () => {
    const run = dbctlProcess(['--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: dbctl <command> [options]');
  });

  test('GIVEN AWS_ENDPOINT_URL and --json WHEN verify runs THEN stdout is one JSON document, nothing else is printed, exit 0', () => {
    const run = dbctlProcess(['verify', '--env', ENVIRONMENT, '--json'], { DB_CONFIG_DIR: configDir, AWS_ENDPOINT_URL: moto.endpoint });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      command: 'verify',
      ok: true,
      environment: 'sample',
      account: '123456789012',
      summary: { total: 14 + 2 * samplePlan(configDir).db.alarms.length + regionRowLabels(samplePlan(configDir).plan).length, failed: 0 },
    });
    expectNoSecret(run);
  });

  test('GIVEN --json WHEN a drill runs THEN progress goes to stderr, the report to stdout, and nothing is left behind', async () => {
    const run = dbctlProcess(['restore-drill', '--env', ENVIRONMENT, '--database', 'orders', '--json', '--endpoint-url', moto.endpoint], {
      DB_CONFIG_DIR: configDir,
    });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ command: 'restore-drill', ok: true, outcome: 'passed', cleanup: { left: [], kept: [] } });
    expect(report.cleanup.removed).toEqual([{ type: 'RDS instance', id: report.scratch }]);
    expect(run.stderr).toContain(`restore requested: sample-orders → ${report.scratch}`);
    const left = (await rdsClient(moto.endpoint).send(new DescribeDBInstancesCommand({}))).DBInstances!.map((i) => i.DBInstanceIdentifier);
    expect(left).toEqual(['sample-orders']);
    expectNoSecret(run);
  });

  test('GIVEN drift WHEN verify runs THEN it exits 1', async () => {
    await rdsClient(moto.endpoint).send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'sample-orders', BackupRetentionPeriod: 7, ApplyImmediately: true }),
    );
    try {
      const run = dbctlProcess(['verify', '--env', ENVIRONMENT, '--endpoint-url', moto.endpoint], { DB_CONFIG_DIR: configDir });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^orders +sample-orders +backup retention +FAIL +35 days +7 days$/m);
    } finally {
      await rdsClient(moto.endpoint).send(
        new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'sample-orders', BackupRetentionPeriod: 35, ApplyImmediately: true }),
      );
    }
  });

  test('GIVEN an endpoint nobody listens on WHEN verify runs THEN it names the endpoint and exits 2', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = dbctlProcess(['verify', '--env', ENVIRONMENT, '--endpoint-url', closed], { DB_CONFIG_DIR: configDir, AWS_MAX_ATTEMPTS: '1' });

    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^dbctl: Could not reach the endpoint ${closed.replace(/\./g, '\\.')} for \\S+ on \\S+ in eu-west-1 \\(ECONNREFUSED, 1 attempt\\)\\. Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network\\.$`,
      ),
    );
    expectNoSecret(run);
  });

  test('GIVEN no credentials anywhere WHEN verify runs THEN it says how to provide them and exits 2', () => {
    const run = dbctlProcess(['verify', '--env', ENVIRONMENT, '--endpoint-url', moto.endpoint], {
      DB_CONFIG_DIR: configDir,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    });

    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'dbctl: No AWS credentials found. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or log in with aws sso login.',
    );
  });
});

describe('dbctl as a process: a config that does not load', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbctl-config-'));
  fs.writeFileSync(path.join(dir, 'syntax.ts'), "export default {\n  tier: 'staging',,\n};\n");
  fs.writeFileSync(path.join(dir, 'throws.ts'), "throw new Error('DB_PASSWORD is not set');\n");

  test.each([
    [
      'syntax',
      /^Could not load the config of environment 'syntax' \(.*syntax\): .*syntax\.ts\(2,19\): error TS1136: Property assignment expected\. Fix the file and run dbctl again \('npm run typecheck' checks a \.ts config\)\.$/,
    ],
    [
      'throws',
      /^Could not load the config of environment 'throws' \(.*throws\): Error: DB_PASSWORD is not set\. Fix the file and run dbctl again \('npm run typecheck' checks a \.ts config\)\.$/,
    ],
  ])('GIVEN a config that fails to load (%s) THEN it is a usage error: exit 2, one message line, no stack, one JSON document with --json', (name, message) => {
    const text = dbctlProcess(['verify', '--env', name], { DB_CONFIG_DIR: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    const [first, hint, ...rest] = text.stderr.trimEnd().split('\n');
    expect(first.replace(/^dbctl: /, '')).toMatch(message);
    expect(hint).toBe("Run 'dbctl verify --help' for usage.");
    expect(rest).toEqual([]);

    const json = dbctlProcess(['verify', '--env', name, '--json'], { DB_CONFIG_DIR: dir });
    expect(json.code).toBe(2);
    const document = JSON.parse(json.stdout);
    expect(document).toMatchObject({ command: 'verify', ok: false, error: { kind: 'usage' } });
    expect(document.error.message).toMatch(message);
  });
});
