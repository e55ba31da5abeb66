import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RDS_ENGINE_TABLE, rdsEngineRow } from '../../constructs/aws/rds/tables/rds-engine-table';
import { describeWithTool } from '../support/local-tools';

describe('engine table', () => {
  test.each([
    ['postgres', '17.6', '17', 'postgres17'],
    ['mysql', '8.0.43', '8.0', 'mysql8.0'],
    ['mariadb', '10.11.14', '10.11', 'mariadb10.11'],
    ['sqlserver-ee', '15.00.4440.1.v1', '15.00', 'sqlserver-ee-15.0'],
    ['oracle-se2', '19.0.0.0.ru-2025-07.rur-2025-07.r1', '19', 'oracle-se2-19'],
  ])('%s %s: major %s, parameter group family %s', (engine, version, major, family) => {
    const row = rdsEngineRow(engine)!;
    expect(row.majorOf(version)).toBe(major);
    expect(row.familyOf(major)).toBe(family);
  });

  test('replica limits: 15 per source, 5 for Oracle and SQL Server, no cross-region SQL Server replicas', () => {
    const limits = Object.fromEntries(
      Object.values(RDS_ENGINE_TABLE).map((row) => [row.engine, row.readReplicas && [row.readReplicas.max, row.readReplicas.crossRegion]]),
    );
    expect(limits).toEqual({
      postgres: [15, true],
      mysql: [15, true],
      mariadb: [15, true],
      'sqlserver-ex': undefined,
      'sqlserver-web': undefined,
      'sqlserver-se': undefined,
      'sqlserver-ee': [5, false],
      'oracle-se2': undefined,
      'oracle-ee': [5, true],
    });
  });

  test('every engine enforces TLS, by parameter or by option', () => {
    for (const row of Object.values(RDS_ENGINE_TABLE)) {
      expect({ engine: row.engine, tls: Object.keys(row.tlsParameters).length > 0 || row.options.some((o) => o.name === 'SSL') }).toEqual({
        engine: row.engine,
        tls: true,
      });
    }
  });
});

describeWithTool('cfn-lint', 'Install cfn-lint (pip install cfn-lint) to check the versions against its RDS data.')(
  'every version of the table is one cfn-lint 1.51 accepts and does not flag as deprecated (W3691)',
  () => {
    const cfnlintDir = spawnSync('python3', ['-c', 'import cfnlint,os;print(os.path.dirname(cfnlint.__file__))'], { encoding: 'utf8' }).stdout.trim();
    const dataDir = path.join(cfnlintDir, 'data', 'schemas', 'extensions', 'aws_rds_dbinstance');
    /** engine → versions listed in one of cfn-lint's RDS schema files. */
    const versionsIn = (file: string): Map<string, string[]> => {
      const schema = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
      const byEngine = new Map<string, string[]>();
      for (const rule of schema.allOf) {
        const engine = rule.if?.properties?.Engine?.const;
        const versions = rule.then?.properties?.EngineVersion?.enum ?? rule.if?.properties?.EngineVersion?.enum;
        if (engine && versions) byEngine.set(engine, versions);
      }
      return byEngine;
    };
    const accepted = versionsIn('engine_version.json');
    const deprecated = versionsIn('engine_version_deprecated.json');

    test.each(Object.values(RDS_ENGINE_TABLE).map((row) => [row.engine, row.versions] as const))('%s', (engine, versions) => {
      for (const version of versions) {
        // cfn-lint lists no Oracle versions; every other engine's version must be on its list.
        if (accepted.has(engine)) expect({ version, accepted: accepted.get(engine)!.includes(version) }).toEqual({ version, accepted: true });
        expect({ version, deprecated: (deprecated.get(engine) ?? []).includes(version) }).toEqual({ version, deprecated: false });
      }
    });
  },
);
