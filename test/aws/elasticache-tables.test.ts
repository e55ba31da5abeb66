/** The ElastiCache tables hold only what cfn-lint's data accepts: engine versions and node types. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ELASTICACHE_ENGINE_TABLE } from '../../constructs/aws/elasticache/tables/elasticache-engine-table';
import { CACHE_NODE_TYPE_NAMES } from '../../constructs/aws/elasticache/tables/elasticache-node-types';
import { describeWithTool } from '../support/local-tools';

describeWithTool('cfn-lint', 'Install cfn-lint (pip install cfn-lint==1.51.0) to check the ElastiCache tables against its data.')(
  'ElastiCache tables against cfn-lint',
  () => {
    const result = spawnSync('python3', ['-c', 'import cfnlint,os;print(os.path.dirname(cfnlint.__file__))'], { encoding: 'utf8' });
    const extensions = path.join(result.stdout.trim(), 'data', 'schemas', 'extensions', 'aws_elasticache_cachecluster');
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(extensions, file), 'utf8'));

    test('every engine version we create is in cfn-lint’s EngineVersion list for that engine', () => {
      const rules: Array<{ if: { properties: { Engine?: { const?: string } } }; then: { properties: { EngineVersion?: { enum: string[] } } } }> =
        read('engine_version.json').allOf;
      for (const [engine, row] of Object.entries(ELASTICACHE_ENGINE_TABLE)) {
        const allowed = rules.find((r) => r.if.properties.Engine?.const === engine)?.then.properties.EngineVersion?.enum ?? [];
        expect([engine, row.versions.filter((v) => !allowed.includes(v))]).toEqual([engine, []]);
        expect(row.versions).toContain(row.defaultVersion);
      }
    });

    test('every node type of the catalog is in cfn-lint’s CacheNodeType list of every region it knows', () => {
      // Region → { enum }, next to a `description` string.
      const byRegion = Object.entries(read('cachenodetype_enum.json') as Record<string, unknown>).filter(
        (entry): entry is [string, { enum: string[] }] => typeof entry[1] === 'object' && entry[1] !== null && 'enum' in entry[1],
      );
      expect(byRegion.length).toBeGreaterThan(30);
      const missing = byRegion.flatMap(([region, { enum: types }]) => CACHE_NODE_TYPE_NAMES.filter((t) => !types.includes(t)).map((t) => `${t} in ${region}`));
      expect(missing).toEqual([]);
    });
  },
);
