import type { Tier } from '../../config/schema';
import type { DatabasePosture, PostureSetting } from './database-posture';

export interface RuleFinding {
  readonly setting: PostureSetting<unknown>;
  /** What is wrong and what the rule requires. */
  readonly message: string;
  readonly fix: string;
}

/** A policy rule: a stable id, the tiers it applies to, and a check of one database's posture. */
export interface PolicyRule {
  /** Stable: waivers name it. */
  readonly id: string;
  readonly title: string;
  readonly tiers: readonly Tier[];
  readonly check: (posture: DatabasePosture) => RuleFinding | undefined;
}

export const ALL_TIERS: readonly Tier[] = ['development', 'staging', 'production'];
