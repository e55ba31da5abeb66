/**
 * Loads and validates the delivery config (`config/delivery/pipeline.ts`) together with the environments it promotes.
 * Every problem is reported at once, in the format of environment problems (lib/config/config-error.ts), under the
 * name `delivery`.
 */
import * as path from 'path';
import { deliverySchema, type DeliveryConfig } from '../../config/schema/delivery';
import { ConfigError, type ConfigProblem, formatPath, UsageError } from '../config/config-error';
import { CONFIG_DIR, listEnvironments } from '../environments/load-environments';
import { planEnvironments, type PlannedEnvironment } from '../environments/plan-environments';
import { findConfigFile, readConfigFile } from '../config/config-files';
import { deliveryRules } from './delivery-rules';

/** Where the delivery config lives: a subfolder, so `listEnvironments` (files directly in config/) never sees it. */
export const DELIVERY_FOLDER = 'delivery';
export const DELIVERY_FILE_NAME = 'pipeline';

/** The problems' "environment" label: the delivery config is not one, and says so. */
export const DELIVERY_LABEL = 'delivery';

export interface LoadedDelivery {
  readonly delivery: DeliveryConfig;
  /** The environments of `delivery.environments`, validated, in promotion order. */
  /** The environments it deploys, validated, planned and policy-checked (lib/environments/plan-environments.ts). */
  readonly environments: readonly PlannedEnvironment[];
}

/** Reads `config/delivery/pipeline.(js|ts)` of `configDir`; throws a UsageError when there is none. */
export function readDeliveryFile(configDir = CONFIG_DIR): { readonly input: unknown; readonly source: string } {
  const base = path.join(configDir, DELIVERY_FOLDER, DELIVERY_FILE_NAME);
  const file = findConfigFile(base);
  if (!file) {
    throw new UsageError(
      `No delivery config: ${path.relative(process.cwd(), base) || base}.ts does not exist. ` +
        'Write `export default defineDelivery({ pipeline: …, source: …, environments: […] })` there (README: "Deploying through a pipeline").',
    );
  }
  const { exported, source } = readConfigFile(file);
  return { input: exported, source };
}

/** Validates a delivery input against the environments of `configDir`; throws one ConfigError with every problem. */
export function loadDelivery(configDir = CONFIG_DIR): LoadedDelivery {
  const { input, source } = readDeliveryFile(configDir);
  return validateDelivery(input, source, configDir);
}

export function validateDelivery(input: unknown, source: string, configDir = CONFIG_DIR): LoadedDelivery {
  const parsed = deliverySchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.flatMap((issue): ConfigProblem[] => {
        const at = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        return keys.map((key) => {
          const fieldPath = key === undefined ? at : [...at, key];
          return {
            environment: DELIVERY_LABEL,
            path: fieldPath,
            value: valueAt(input, fieldPath),
            message: key === undefined ? issue.message : 'is not a known setting here',
            fix: key === undefined ? `change ${formatPath(fieldPath)} in ${source}` : `remove '${key}' from ${source} or check its spelling`,
          };
        });
      }),
    );
  }
  const delivery = parsed.data;
  const available = listEnvironments(configDir);
  const known = delivery.environments.filter((name) => available.includes(name));
  // Environment problems come first, as the environment apps report them: the delivery rules need valid environments.
  const planned = planEnvironments(known, { configDir });
  const environments = planned.map(({ environment }) => environment);
  const problems = deliveryRules({ delivery, available, environments, source }).map((draft): ConfigProblem => ({ environment: DELIVERY_LABEL, ...draft }));
  if (problems.length > 0) throw new ConfigError(problems);
  return { delivery, environments: planned };
}

function valueAt(input: unknown, fieldPath: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const part of fieldPath) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
