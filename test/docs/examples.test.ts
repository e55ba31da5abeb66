import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { addAwsEnvironments } from '../../lib/aws/aws-app';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { policyProblems } from '../../lib/policy/policy-problems';
import { fixtureConfig, plannedOf, testApp } from '../support/fixtures';

/** Every ```ts example:<name> block of docs/examples.md, as the object it declares. */
const markdown = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples.md'), 'utf8');
const examples = [...markdown.matchAll(/```ts example:([\w-]+)\n([\s\S]*?)```/g)].map(([, name, code]) => ({
  name,
  // The blocks are plain object literals: evaluating them is what a reader's config file does.
  database: new Function(`return (${code});`)() as { kind: string; name: string },
}));

test('docs/examples.md has an example of every database kind', () => {
  expect(new Set(examples.map((e) => e.database.kind))).toEqual(
    new Set(['rds-instance', 'aurora-cluster', 'dynamodb-table', 'cloudsql-instance', 'elasticache-cluster', 'memorystore-instance']),
  );
});

const TIERS = ['development', 'staging', 'production'] as const;

test.each(examples.flatMap((e) => TIERS.map((tier) => [e.name, tier, e.database] as const)))(
  '%s in a %s environment validates, passes the policy rules and synthesizes',
  (_name, tier, database) => {
    // GIVEN an environment of this tier holding only this example (tier defaults fill what the example leaves out)
    const config: any = { ...structuredClone(fixtureConfig(tier)), databases: [database] };
    const env = validateEnvironment('example', config);
    const plan = buildPlan(env);
    // THEN no policy rule objects
    expect(policyProblems(env, plan, '2026-01-01')).toEqual([]);
    // AND it synthesizes on its cloud
    if (plan.aws && (plan.databases['rds-instance'].length > 0 || plan.databases['aurora-cluster'].length > 0 || plan.databases['dynamodb-table'].length > 0)) {
      const [stage] = addAwsEnvironments(testApp(), [plannedOf(env)]);
      expect(stage.synth().stacks.length).toBeGreaterThan(1);
    } else {
      const stacks = addGcpEnvironment(Testing.app(), plan)!;
      for (const stack of stacks.databaseStacks) expect(() => Testing.synth(stack, true)).not.toThrow();
    }
  },
);
