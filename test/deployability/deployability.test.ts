import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { plannedOf, testApp } from '../support/fixtures';
import { checkDeployability, environmentTemplates } from './check-deployability';

/** Every sample environment in config/, as `cdk synth` builds it. */
const stages = addAwsEnvironments(testApp(), planSelectedEnvironments(''));

describe.each(stages.map((stage) => [stage.stageName, stage] as const))('%s: every service interaction is allowed', (_name, stage) => {
  test('no interaction is denied and every reference resolves', async () => {
    const report = await checkDeployability(environmentTemplates(stage.synth()));
    expect(report.problems).toEqual([]);
    // The check saw the interactions it exists for (a check that finds nothing to check proves nothing).
    expect(report.checked['alarm → topic']).toBeGreaterThan(0);
    expect(report.checked['alarm → topic key']).toBe(report.checked['alarm → topic']);
    expect(report.checked['log group → key']).toBeGreaterThan(0);
    expect(report.checked['rds → key']).toBeGreaterThan(0);
  });
});

/** Every AWS example of docs/examples.md, alone in a production environment (as test/docs/examples.test.ts builds it). */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { fixtureConfig } from '../support/fixtures';
import { DATABASE_KIND_CLOUDS, type DatabaseKind } from '../../config/schema/environment';

const markdown = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'examples.md'), 'utf8');
const awsExamples = [...markdown.matchAll(/```ts example:([\w-]+)\n([\s\S]*?)```/g)]
  .map(([, name, code]) => ({ name, database: new Function(`return (${code});`)() as { kind: string } }))
  // AWS kinds only, by the schema's own table (a Google Cloud kind has no AWS stage to check).
  .filter((e) => DATABASE_KIND_CLOUDS[e.database.kind as DatabaseKind] === 'aws');

test.each(awsExamples.map((e) => [e.name, e.database] as const))('docs example %s: every service interaction is allowed', async (_name, database) => {
  const env = validateEnvironment('example', { ...structuredClone(fixtureConfig('production')), databases: [database] } as any);
  const [stage] = addAwsEnvironments(testApp(), [plannedOf(env)]);
  const report = await checkDeployability(environmentTemplates(stage.synth()));
  expect(report.problems).toEqual([]);
  expect(report.checked['alarm → topic']).toBeGreaterThan(0);
});
