import type { EnvironmentInput } from './environment';

/**
 * Declares an environment with full type checking and editor completion. Validation (schema, cross-field rules,
 * tier defaults) happens when the environment is loaded, so every problem of every environment is reported at once.
 */
export function defineEnvironment(config: EnvironmentInput): EnvironmentInput {
  return config;
}
