/**
 * The jest hooks of a test file that runs against moto: start moto_server once for the file (fake credentials in
 * the environment), and before each test reset it, write a fresh sample config in moto's network and create what
 * each region's foundation stack holds (key, backup vault).
 */
import type { EnvironmentPlan, RdsInstancePlan } from '../../../lib/plan/plan-types';
import { MotoServer, startMoto, useFakeCredentials } from './moto-server';
import { defaultNetwork, Network, samplePlan, seedFoundation, writeSampleConfig } from './sample-account';

export interface MotoSample {
  moto: MotoServer;
  network: Network;
  configDir: string;
  plan: EnvironmentPlan;
  db: RdsInstancePlan;
}

export function useMotoSample(): MotoSample {
  const sample = {} as MotoSample;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    restoreEnv = useFakeCredentials();
    sample.moto = await startMoto();
  }, 60_000);
  afterAll(async () => {
    await sample.moto?.stop();
    restoreEnv?.();
  });
  beforeEach(async () => {
    await sample.moto.reset();
    sample.network = await defaultNetwork(sample.moto.endpoint);
    sample.configDir = writeSampleConfig(sample.network);
    Object.assign(sample, samplePlan(sample.configDir));
    await seedFoundation(sample.moto.endpoint, sample.plan);
  });
  return sample;
}
