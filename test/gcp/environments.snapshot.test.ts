/**
 * One snapshot per environment, from the real config files: every GCP stack's Terraform JSON. Testing.synth drops
 * the `//` metadata blocks and the test app stubs the cdktf version, so only intent is recorded.
 */
import { listEnvironments } from '../../lib/environments/load-environments';
import { environmentPlan, synthEnvironment } from './support';

describe('GCP environments', () => {
  // Every environment in config/: a new config/<name>.ts gets its snapshot written by `npx jest -u` (README).
  test.each(listEnvironments())('GIVEN config/%s.ts WHEN synthesized THEN the stacks match the snapshot', (name) => {
    expect(synthEnvironment(environmentPlan(name)).json).toMatchSnapshot();
  });
});
