import { spawnSync } from 'child_process';
import { compareMajors, POSTGRES_15_GUCS, RDS_PARAMETER_CATALOGS } from '../../constructs/aws/rds/tables/rds-parameter-names';
import { describeWithPostgresServers, describeWithTool } from '../support/local-tools';
import { describeConfig, POSTGRES_SERVER_MAJORS } from '../support/postgres-servers';

describe('parameter catalogs per engine family', () => {
  const { postgres, mysql, mariadb, sqlserver, oracle } = RDS_PARAMETER_CATALOGS;

  test.each([
    // [catalog, name, major, has]
    ['postgres', 'shared_buffers', '17', true],
    ['postgres', 'DateStyle', '16', true],
    ['postgres', 'datestyle', '16', true],
    ['postgres', 'rds.force_ssl', '17', true],
    ['postgres', 'pgaudit.log', '14', true],
    ['postgres', 'transaction_timeout', '17', true],
    ['postgres', 'transaction_timeout', '16', false],
    ['postgres', 'old_snapshot_threshold', '16', true],
    ['postgres', 'old_snapshot_threshold', '17', false],
    ['postgres', 'innodb_buffer_pool_size', '17', false],
    ['postgres', 'shared_bufers', '17', false],
    ['mysql', 'innodb_buffer_pool_size', '8.0', true],
    ['mysql', 'default_authentication_plugin', '8.0', true],
    ['mysql', 'default_authentication_plugin', '8.4', false],
    ['mysql', 'query_cache_size', '8.0', false],
    ['mariadb', 'query_cache_size', '10.11', true],
    ['mariadb', 'max_execution_time', '10.11', false],
    ['mariadb', 'log_slow_query_time', '10.6', false],
    ['mariadb', 'log_slow_query_time', '11.4', true],
    ['sqlserver', 'max degree of parallelism', '16.00', true],
    ['sqlserver', 'rds.force_ssl', '16.00', true],
    ['sqlserver', 'shared_buffers', '16.00', false],
    ['oracle', 'open_cursors', '19', true],
    ['oracle', 'sqlnetora.sqlnet.expire_time', '19', true],
    ['oracle', 'max_connections', '19', false],
  ] as const)('%s has %s at %s: %s', (family, name, major, has) => {
    expect({ postgres, mysql, mariadb, sqlserver, oracle }[family].has(name, major)).toBe(has);
  });

  test('majors compare numerically', () => {
    expect(['10.11', '8.4', '9', '17', '8.0', '10.6'].sort(compareMajors)).toEqual(['8.0', '8.4', '9', '10.6', '10.11', '17']);
  });
});

describeWithTool('postgres', 'Install the PostgreSQL server (Debian: apt-get install postgresql) to check the PostgreSQL catalog against it.')(
  'the PostgreSQL catalog is the GUC table of a real server',
  () => {
    test('POSTGRES_15_GUCS is exactly `postgres --describe-config` of PostgreSQL 15', () => {
      const server = spawnSync('postgres', ['--version'], { encoding: 'utf8' }).stdout;
      const names = spawnSync('postgres', ['--describe-config'], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((line) => line.split('\t')[0])
        .filter(Boolean);
      if (!/PostgreSQL\) 15\./.test(server)) return; // another major lists other names; the catalog's deltas cover those
      expect([...POSTGRES_15_GUCS].sort()).toEqual([...new Set(names)].sort());
    });
  },
);

describeWithPostgresServers(POSTGRES_SERVER_MAJORS)('the PostgreSQL catalog per major against real servers', () => {
  test.each([...POSTGRES_SERVER_MAJORS])('every name `postgres --describe-config` of PostgreSQL %s lists is a parameter of that major', (major) => {
    const missing = [...describeConfig(major).keys()].filter((name) => !RDS_PARAMETER_CATALOGS.postgres.has(name, major));
    expect(missing).toEqual([]);
  });
});
