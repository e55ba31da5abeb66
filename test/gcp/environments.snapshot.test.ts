/**
 * One snapshot per environment, from the real config files: every GCP stack's Terraform JSON. Testing.synth drops
 * the `//` metadata blocks and the test app stubs the cdktf version, so only intent is recorded.
 */
import { listEnvironments } from '../../lib/config/load-environments';
import { environmentPlan, synthEnvironment } from './support';

describe('GCP environments', () => {
  test('GIVEN the config folder THEN it holds the environments snapshotted here', () => {
    expect(listEnvironments()).toEqual(['dev', 'prod', 'staging']);
  });

  test.each(['dev', 'staging', 'prod'])('GIVEN config/%s.ts WHEN synthesized THEN the stacks match the snapshot', (name) => {
    expect(synthEnvironment(environmentPlan(name)).json).toMatchSnapshot();
  });
});
