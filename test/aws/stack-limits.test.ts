import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { addStackLimitChecks, templateSizeProblems } from '../../lib/aws/stack-limits';

/** GIVEN a stage with one stack of `count` resources, each with a `padding`-character property. */
function stageWith(count: number, padding = 0) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'stack-limits-')) });
  const stage = new Stage(app, 'prod');
  const stack = new Stack(stage, 'rds-orders', { stackName: 'prod-rds-orders' });
  for (let i = 0; i < count; i++) new CfnResource(stack, `R${i}`, { type: 'AWS::CloudWatch::Alarm', properties: { AlarmDescription: 'x'.repeat(padding) } });
  addStackLimitChecks(stage);
  return app;
}

describe('stack limits (80% of CloudFormation 500 resources / 1 MB)', () => {
  test('400 resources synthesize', () => {
    expect(() => stageWith(400).synth()).not.toThrow();
  });

  test('401 resources fail synth, naming the stack and the limit', () => {
    expect(() => stageWith(401).synth()).toThrow(
      /Stack prod-rds-orders declares 401 resources, more than 400 \(80% of CloudFormation's 500 per stack\)\. Fix: split it/,
    );
  });

  test('a template over 800,000 bytes is reported by name; a smaller one is not', () => {
    expect(templateSizeProblems(stageWith(2, 1000).synth())).toEqual([]);
    const [problem, ...rest] = templateSizeProblems(stageWith(100, 8100).synth());
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^Stack prod-rds-orders \(prod\/rds-orders\) has a [\d,]+-byte template, more than 800,000 \(80% of CloudFormation's 1 MB\)\. Fix: split it/,
    );
  });
});
