/**
 * The kind registry is the one place that branches on a database kind: each kind has a folder and a row, and the
 * generic path (pipeline, planners, Stage, postures, inventory) names no kind. A kind literal anywhere else in lib/ or
 * bin/ must be in the list below, with the reason it is a table keyed by kind rather than a branch.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DATABASE_KINDS } from '../../config/schema';
import { DATABASE_KIND_REGISTRY } from '../../lib/kinds/registry';

const root = path.resolve(__dirname, '..', '..');
const KIND_LITERAL = new RegExp(`'(${DATABASE_KINDS.join('|')})'`);

/** Files outside lib/kinds that may name a kind, and why. */
const KEYED_BY_KIND: Record<string, string> = {
  'lib/plan/plan-types.ts': 'KindPlans and the stack spec union: the type of each kind’s plan and stacks',
  'lib/aws/aws-stack-renderers.ts': 'a renderer per AWS stack type (CDK code stays out of the pure registry)',
  'lib/gcp/gcp-stack-renderers.ts': 'a renderer per Google Cloud stack type (CDKTF code stays out of the pure registry)',
  'lib/plan/backup-plan.ts': 'AWS Backup resource ARN patterns per AWS kind, and continuous backup, which AWS Backup offers for RDS',
  'lib/config/rules/ignored-settings.ts': 'a table of settings each kind ignores in some combination',
  'lib/config/rules/postgres-memory-rules.ts': 'the PostgreSQL memory budget of each kind that runs PostgreSQL',
  'lib/config/rules/gcp-label-rules.ts': 'Google Cloud labels, which only Cloud SQL instances carry',
  'lib/operations/verify/rds-instance-checks.ts': 'dbctl: the kind its verify checks are for',
  'lib/operations/verify/aurora-cluster-checks.ts': 'dbctl: the kind its verify checks are for',
  'lib/operations/verify/dynamodb-table-checks.ts': 'dbctl: the kind its verify checks are for',
  'lib/operations/verify/elasticache-cluster-checks.ts': 'dbctl: the kind its verify checks are for',
  'lib/operations/environment-plan.ts': 'dbctl: tells a Cloud SQL instance (not supported yet) from an unknown name',
  'lib/provisioning/declared-access-of.ts': 'the server platform of each relational kind (RDS, Aurora, Cloud SQL) for the provisioning engine',
  'lib/config/database-access/access-engines.ts': 'what each relational kind allows inside the database (engine names, IAM authentication)',
  'lib/config/database-access/access-fields-elsewhere.ts': 'why each kind without database users has no roles, and what to do instead',
  'lib/config/rules/database-access-rules.ts': 'the relational kinds whose databases hold roles, and Cloud SQL IAM group roles',
  'lib/operations/provision/provision-targets.ts': 'dbctl provision: Cloud SQL is provisioned here, RDS/Aurora at deploy; the other kinds have no roles',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

test('every kind of the config schema has a folder and a row under its own key', () => {
  for (const kind of DATABASE_KINDS) {
    expect(fs.existsSync(path.join(root, 'lib', 'kinds', kind, `${kind}-kind.ts`))).toBe(true);
    expect(DATABASE_KIND_REGISTRY[kind].kind).toBe(kind);
  }
  expect(Object.keys(DATABASE_KIND_REGISTRY)).toEqual([...DATABASE_KINDS]);
});

test('outside lib/kinds, only the listed tables name a kind', () => {
  const naming = [...sourceFiles('lib'), ...sourceFiles('bin')]
    .filter((file) => !file.startsWith('lib/kinds/'))
    .filter((file) => KIND_LITERAL.test(fs.readFileSync(path.join(root, file), 'utf8')));
  expect(naming.filter((file) => !(file in KEYED_BY_KIND))).toEqual([]);
  // A listed file that no longer names a kind leaves the list.
  expect(Object.keys(KEYED_BY_KIND).filter((file) => !naming.includes(file))).toEqual([]);
});

test('the generic path names no kind: the Stage, the planners, postures, inventory and the pipeline', () => {
  for (const file of [
    'lib/aws/environment-stage.ts',
    'lib/gcp/gcp-environment.ts',
    'lib/plan/aws-plan.ts',
    'lib/plan/gcp-plan.ts',
    'lib/plan/build-plan.ts',
    'lib/policy/postures.ts',
    'lib/inventory/inventory-entries.ts',
    'lib/environments/resolve-defaults.ts',
    'lib/environments/plan-environments.ts',
  ]) {
    expect([file, KIND_LITERAL.test(fs.readFileSync(path.join(root, file), 'utf8'))]).toEqual([file, false]);
  }
});
