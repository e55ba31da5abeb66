/** The Aurora engine table against cfn-lint's data, and the checks and tables built on it. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { auroraAlarmDefinitions } from '../../constructs/aws/aurora/tables/aurora-alarm-definitions';
import { auroraClusterProblems, AuroraClusterSettings } from '../../constructs/aws/aurora/tables/aurora-cluster-checks';
import { AURORA_ENGINE_TABLE } from '../../constructs/aws/aurora/tables/aurora-engine-table';
import { auroraParameters } from '../../constructs/aws/aurora/tables/aurora-parameters';
import { describeWithTool } from '../support/local-tools';

describeWithTool('cfn-lint', 'Install cfn-lint (pip install cfn-lint) to check the versions against its RDS data.')('cfn-lint data', () => {
  test('every Aurora version is one cfn-lint accepts for AWS::RDS::DBCluster and does not flag as deprecated', () => {
    const dir = spawnSync('python3', ['-c', 'import cfnlint,os;print(os.path.dirname(cfnlint.__file__))'], { encoding: 'utf8' }).stdout.trim();
    const data = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, 'data', 'schemas', 'extensions', 'aws_rds_dbcluster', file), 'utf8'));
    const listed = (schema: any, engine: string, where: 'if' | 'then'): string[] =>
      schema.allOf.find((c: any) => c.if.properties.Engine?.const === engine)?.[where].properties.EngineVersion.enum ?? [];
    for (const row of Object.values(AURORA_ENGINE_TABLE)) {
      const versions = row.versions.map((v) => v.version);
      expect(versions.filter((v) => !listed(data('engine_version.json'), row.engine, 'then').includes(v))).toEqual([]);
      expect(versions.filter((v) => listed(data('engine_version_deprecated.json'), row.engine, 'if').includes(v))).toEqual([]);
    }
  });
});

const SETTINGS: AuroraClusterSettings = {
  identifier: 'test-payments',
  engine: 'aurora-postgresql',
  version: '16.9',
  region: 'eu-west-1',
  instanceClass: 'db.r7g.large',
  readers: 1,
  backupRetentionDays: 7,
  preferredBackupWindow: '02:00-03:00',
  preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
  allowedCidrs: [],
  parameters: {},
  instanceParameters: {},
  secondaryRegions: ['eu-central-1'],
};

describe('checks', () => {
  test('a version that cannot be part of a global database is refused, naming the versions that can', () => {
    const row = AURORA_ENGINE_TABLE['aurora-postgresql'] as any;
    const original = row.versions;
    // No version we list lacks global support today: mark one so, as a future row would be.
    row.versions = original.map((v: any) => (v.version === '16.9' ? { ...v, globalDatabase: false } : v));
    try {
      expect(auroraClusterProblems(SETTINGS)).toEqual([
        {
          path: ['version'],
          value: '16.9',
          message: 'Aurora PostgreSQL 16.9 cannot be part of a global database; versions that can: 14.20, 15.15, 16.11, 17.6, 17.7',
          fix: 'upgrade to one of those versions, or remove secondaryRegions',
        },
      ]);
    } finally {
      row.versions = original;
    }
  });

  test("a secondary in the primary's region (the construct's own check)", () => {
    expect(auroraClusterProblems({ ...SETTINGS, secondaryRegions: ['eu-west-1'] })).toEqual([
      {
        path: ['secondaryRegions', 0],
        value: 'eu-west-1',
        message: "equals the primary's region; secondary clusters of a global database must be in other regions",
        fix: "remove 'eu-west-1' from secondaryRegions or move the primary",
      },
    ]);
  });
});

describe('parameters', () => {
  test('Aurora MySQL: TLS and audit in the cluster group; InnoDB sizing left to Aurora; overrides win', () => {
    const { cluster, instance } = auroraParameters({
      engine: 'aurora-mysql',
      memoryGiB: 16,
      vcpus: 2,
      slowQueryThresholdMs: 500,
      instanceOverrides: { long_query_time: 2 },
    });
    expect(cluster).toEqual({ require_secure_transport: 'ON', server_audit_logging: '1', server_audit_events: 'CONNECT,QUERY_DCL,QUERY_DDL' });
    expect(instance).toMatchObject({ innodb_print_all_deadlocks: '1', slow_query_log: '1', long_query_time: '2' });
    expect(instance.innodb_buffer_pool_size).toBeUndefined();
  });
});

describe('alarms', () => {
  const ctx = { parameterFamily: 'mysql', memoryGiB: 16, maxConnections: 1000, serverless: false } as const;
  test('a MySQL writer: CPU, memory, connections, latency, local storage and the Deadlocks metric; no replica lag', () => {
    expect(auroraAlarmDefinitions('w', { ...ctx, role: 'writer' }).map((a) => a.id)).toEqual([
      'cpu-warning',
      'cpu-critical',
      'memory-warning',
      'memory-critical',
      'connections-warning',
      'connections-critical',
      'read-latency-warning',
      'write-latency-warning',
      'mysql-deadlocks-warning',
      'local-storage-warning',
      'local-storage-critical',
    ]);
  });
  test('the critical volume threshold comes from the common storage-low 15%', () => {
    const [, critical] = auroraAlarmDefinitions('c', { ...ctx, role: 'primary-cluster' }).filter((a) => a.metricName === 'VolumeBytesUsed');
    expect(critical.threshold).toBe(Math.floor(128 * 1024 ** 4 * 0.85));
  });
});
