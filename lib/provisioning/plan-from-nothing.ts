// placeholder until the engine branch merges
/** The engine's offline dry run (lib/provisioning/provisioning-api.ts); the engine branch implements it. */
import type { PlanFromNothing } from './provisioning-api';

export const planFromNothing: PlanFromNothing = () => {
  throw new Error('planFromNothing: the provisioning engine is not merged yet (placeholder until the engine branch merges)');
};
