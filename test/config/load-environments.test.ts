import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError } from '../../lib/config/config-error';
import { listEnvironments, loadEnvironments, selectEnvironments } from '../../lib/environments/load-environments';
import { fixtureConfig } from '../support/fixtures';

function tempConfigDir(environments: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-config-'));
  for (const [name, config] of Object.entries(environments)) {
    fs.writeFileSync(path.join(dir, `${name}.js`), `module.exports = ${JSON.stringify(config)};\n`);
  }
  fs.mkdirSync(path.join(dir, 'schema'));
  return dir;
}

describe('environment discovery', () => {
  test('every config/<name>.ts is an environment; folders are not', () => {
    const dir = tempConfigDir({ qa: fixtureConfig('staging') });
    expect(fs.statSync(path.join(dir, 'schema')).isDirectory()).toBe(true);
    expect(listEnvironments(dir)).toEqual(['qa']);
    // The samples are there, and any environment a user adds next to them.
    expect(listEnvironments()).toEqual(expect.arrayContaining(['dev', 'prod', 'staging']));
  });

  test('adding a file adds an environment, with no other change', () => {
    const dir = tempConfigDir({ qa: fixtureConfig('staging'), perf: fixtureConfig('production') });
    expect(listEnvironments(dir)).toEqual(['perf', 'qa']);
    expect(loadEnvironments(['qa'], dir).map((env) => [env.name, env.tier])).toEqual([['qa', 'staging']]);
  });

  test('the sample environments load and validate', () => {
    const environments = loadEnvironments(listEnvironments());
    expect(environments.map((env) => env.name)).toEqual(listEnvironments());
    expect(environments.filter((env) => ['dev', 'prod', 'staging'].includes(env.name)).map((env) => [env.name, env.tier])).toEqual([
      ['dev', 'development'],
      ['prod', 'production'],
      ['staging', 'staging'],
    ]);
  });
});

describe('environment selection', () => {
  test('nothing selected means every environment', () => {
    expect(selectEnvironments(undefined, ['dev', 'prod'])).toEqual(['dev', 'prod']);
  });

  test('a comma-separated list', () => {
    expect(selectEnvironments('prod, dev', ['dev', 'prod', 'staging'])).toEqual(['prod', 'dev']);
  });

  test('an unknown name lists the available ones', () => {
    expect(() => selectEnvironments('production', ['dev', 'prod', 'staging'])).toThrow(
      "Unknown environment 'production'. Available: dev, prod, staging. Add config/<name>.ts to create one, or select an existing one (e.g. -c env=prod or DB_ENV=prod).",
    );
  });
});

test('problems of several environments are reported together', () => {
  const bad = (change: (c: any) => void) => {
    const config: any = structuredClone(fixtureConfig());
    change(config);
    return config;
  };
  const dir = tempConfigDir({
    one: bad((c) => (c.aws.account = 'x')),
    two: bad((c) => (c.databases[0].backupRetentionDays = 99)),
  });
  try {
    loadEnvironments(['one', 'two'], dir);
    throw new Error('expected a ConfigError');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => [p.environment, p.database, p.path.join('.')])).toEqual([
      ['one', undefined, 'aws.account'],
      ['two', 'orders', 'databases.0.backupRetentionDays'],
    ]);
  }
});
