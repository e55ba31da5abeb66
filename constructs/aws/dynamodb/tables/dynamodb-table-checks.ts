/**
 * Checks on a DynamoDB table's settings, shared by the DynamoDbGlobalTable construct (for teams composing it
 * directly) and the config loader (which reports them with the environment, table and config path). Pure data, no
 * CDK import. Field paths use the config's field names.
 */
import type { PathProblem } from '../../../common/path-problem';
import { DYNAMODB_DEFAULTS } from './dynamodb-defaults';
import { DYNAMODB_LIMITS } from './dynamodb-limits';

export type DynamodbAttributeType = 'string' | 'number' | 'binary';

export interface DynamodbKeySettings {
  readonly name: string;
  readonly type: DynamodbAttributeType;
}

/** Provisioned capacity with target-tracking autoscaling between min and max capacity units. */
export interface AutoscaledCapacitySettings {
  readonly min: number;
  readonly max: number;
  /** 20–90. @default 70 */
  readonly targetUtilizationPercent?: number;
}

export type DynamodbProjection = 'all' | 'keys-only' | { readonly include: readonly string[] };

export interface GlobalSecondaryIndexSettings {
  readonly name: string;
  readonly partitionKey: DynamodbKeySettings;
  readonly sortKey?: DynamodbKeySettings;
  /** @default 'all' */
  readonly projection?: DynamodbProjection;
  /** Provisioned billing only. */
  readonly readCapacity?: AutoscaledCapacitySettings;
  readonly writeCapacity?: AutoscaledCapacitySettings;
  /** On-demand billing only. */
  readonly maxReadRequestUnits?: number;
  readonly maxWriteRequestUnits?: number;
}

export interface LocalSecondaryIndexSettings {
  readonly name: string;
  readonly sortKey: DynamodbKeySettings;
  /** @default 'all' */
  readonly projection?: DynamodbProjection;
}

export type DynamodbBillingSettings =
  | { readonly mode: 'on-demand'; readonly maxReadRequestUnits?: number; readonly maxWriteRequestUnits?: number }
  | { readonly mode: 'provisioned'; readonly readCapacity: AutoscaledCapacitySettings; readonly writeCapacity: AutoscaledCapacitySettings };

export type DynamodbStreamView = 'new-and-old-images' | 'new-image' | 'old-image' | 'keys-only';

export interface DynamodbTableSettings {
  /** The primary's region. */
  readonly region: string;
  readonly partitionKey: DynamodbKeySettings;
  readonly sortKey?: DynamodbKeySettings;
  readonly globalSecondaryIndexes: readonly GlobalSecondaryIndexSettings[];
  readonly localSecondaryIndexes: readonly LocalSecondaryIndexSettings[];
  readonly billing: DynamodbBillingSettings;
  readonly stream?: DynamodbStreamView;
  readonly pointInTimeRecovery: boolean;
  readonly pointInTimeRecoveryDays?: number;
  readonly replicaRegions: readonly string[];
  readonly multiRegionConsistency: 'eventual' | 'strong';
  readonly witnessRegion?: string;
}

/**
 * Multi-Region strong consistency works within one of these region sets (primary, replicas and witness alike); the
 * same table aws-cdk-lib 2.276 validates against.
 */
export const MRSC_REGION_SETS: Readonly<Record<string, readonly string[]>> = {
  US: ['us-east-1', 'us-east-2', 'us-west-2'],
  EU: ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
  AP: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
};

type Path = Array<string | number>;
const problem = (path: Path, value: unknown, message: string, fix: string): PathProblem => ({ path, value, message, fix });

export function dynamodbTableProblems(settings: DynamodbTableSettings): PathProblem[] {
  return [
    ...recoveryProblems(settings),
    ...capacityProblems(settings),
    ...indexProblems(settings),
    ...attributeTypeProblems(settings),
    ...streamProblems(settings),
    ...strongConsistencyProblems(settings),
  ];
}

/**
 * Replicas in the primary's region or listed twice. Separate because the config loader reports these for every kind
 * with replicas in other regions (lib/config/rules/environment-rules.ts).
 */
export function dynamodbReplicaPlacementProblems(settings: Pick<DynamodbTableSettings, 'region' | 'replicaRegions'>): PathProblem[] {
  const problems: PathProblem[] = [];
  settings.replicaRegions.forEach((region, i) => {
    if (region === settings.region) {
      problems.push(
        problem(
          ['replicaRegions', i],
          region,
          "equals the primary's region; replicas live in other regions",
          `remove the '${region}' replica, or move the primary`,
        ),
      );
    } else if (settings.replicaRegions.indexOf(region) !== i) {
      problems.push(problem(['replicaRegions', i], region, 'is listed twice; each region holds one replica', `remove the duplicate '${region}'`));
    }
  });
  return problems;
}

function recoveryProblems({ pointInTimeRecovery, pointInTimeRecoveryDays: days }: DynamodbTableSettings): PathProblem[] {
  if (days === undefined) return [];
  const { min, max } = DYNAMODB_LIMITS.pointInTimeRecoveryDays;
  if (!pointInTimeRecovery) {
    return [
      problem(
        ['pointInTimeRecoveryDays'],
        days,
        'is set while pointInTimeRecovery is off; a recovery period needs point-in-time recovery',
        'remove pointInTimeRecoveryDays, or set pointInTimeRecovery: true',
      ),
    ];
  }
  if (!Number.isInteger(days) || days < min || days > max) {
    return [
      problem(
        ['pointInTimeRecoveryDays'],
        days,
        `must be a whole number of days from ${min} to ${max} (DynamoDB point-in-time recovery period)`,
        `choose from ${min} to ${max}`,
      ),
    ];
  }
  return [];
}

/** Every autoscaled capacity of the table and its indexes, with its config path. */
function capacities(settings: DynamodbTableSettings): Array<[Path, AutoscaledCapacitySettings]> {
  const found: Array<[Path, AutoscaledCapacitySettings]> = [];
  if (settings.billing.mode === 'provisioned') {
    found.push([['billing', 'readCapacity'], settings.billing.readCapacity], [['billing', 'writeCapacity'], settings.billing.writeCapacity]);
  }
  settings.globalSecondaryIndexes.forEach((index, i) => {
    if (index.readCapacity) found.push([['globalSecondaryIndexes', i, 'readCapacity'], index.readCapacity]);
    if (index.writeCapacity) found.push([['globalSecondaryIndexes', i, 'writeCapacity'], index.writeCapacity]);
  });
  return found;
}

function capacityProblems(settings: DynamodbTableSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const [path, capacity] of capacities(settings)) {
    if (capacity.min > capacity.max) {
      problems.push(
        problem(
          [...path, 'min'],
          capacity.min,
          `is greater than max (${capacity.max}); autoscaling needs min ≤ max`,
          `lower min to ${capacity.max} or less, or raise max to ${capacity.min} or more`,
        ),
      );
    }
    const target = capacity.targetUtilizationPercent;
    const { min, max } = DYNAMODB_LIMITS.targetUtilizationPercent;
    if (target !== undefined && (target < min || target > max)) {
      problems.push(
        problem(
          [...path, 'targetUtilizationPercent'],
          target,
          `must be from ${min} to ${max} percent`,
          `choose from ${min} to ${max} (${DYNAMODB_DEFAULTS.targetUtilizationPercent} is a good start)`,
        ),
      );
    }
  }
  const onDemand = settings.billing.mode === 'on-demand';
  settings.globalSecondaryIndexes.forEach((index, i) => {
    const misplaced = onDemand
      ? (['readCapacity', 'writeCapacity'] as const).filter((field) => index[field] !== undefined)
      : (['maxReadRequestUnits', 'maxWriteRequestUnits'] as const).filter((field) => index[field] !== undefined);
    for (const field of misplaced) {
      problems.push(
        problem(
          ['globalSecondaryIndexes', i, field],
          index[field],
          `applies only to ${onDemand ? 'provisioned' : 'on-demand'} billing; this table is ${settings.billing.mode}`,
          `remove ${field} from the index, or change billing.mode`,
        ),
      );
    }
  });
  return problems;
}

function indexProblems(settings: DynamodbTableSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const { globalSecondaryIndexes: gsis, localSecondaryIndexes: lsis } = settings;
  if (gsis.length > DYNAMODB_LIMITS.globalSecondaryIndexes) {
    problems.push(
      problem(
        ['globalSecondaryIndexes'],
        gsis.map((i) => i.name),
        `lists ${gsis.length} indexes; a table has at most ${DYNAMODB_LIMITS.globalSecondaryIndexes} global secondary indexes`,
        `remove ${gsis.length - DYNAMODB_LIMITS.globalSecondaryIndexes} of them, or split the table`,
      ),
    );
  }
  if (lsis.length > DYNAMODB_LIMITS.localSecondaryIndexes) {
    problems.push(
      problem(
        ['localSecondaryIndexes'],
        lsis.map((i) => i.name),
        `lists ${lsis.length} indexes; a table has at most ${DYNAMODB_LIMITS.localSecondaryIndexes} local secondary indexes`,
        `remove ${lsis.length - DYNAMODB_LIMITS.localSecondaryIndexes} of them (local indexes exist only from the table's creation)`,
      ),
    );
  }
  if (lsis.length > 0 && !settings.sortKey) {
    problems.push(
      problem(
        ['localSecondaryIndexes'],
        lsis.map((i) => i.name),
        'needs a table sortKey: a local secondary index keeps the partition key and sorts by another attribute',
        'add a sortKey to the table (only possible when creating it), or use a global secondary index',
      ),
    );
  }
  const named: Array<[Path, string]> = [
    ...gsis.map((index, i): [Path, string] => [['globalSecondaryIndexes', i, 'name'], index.name]),
    ...lsis.map((index, i): [Path, string] => [['localSecondaryIndexes', i, 'name'], index.name]),
  ];
  named.forEach(([path, name], position) => {
    if (named.findIndex(([, other]) => other === name) !== position) {
      problems.push(problem(path, name, 'names another index of this table already; index names are unique per table', 'rename one of the two indexes'));
    }
  });
  const projected = [...gsis, ...lsis].reduce((count, index) => count + (typeof index.projection === 'object' ? index.projection.include.length : 0), 0);
  if (projected > DYNAMODB_LIMITS.projectedAttributes) {
    problems.push(
      problem(
        ['globalSecondaryIndexes'],
        projected,
        `projects ${projected} non-key attributes over all indexes; DynamoDB allows ${DYNAMODB_LIMITS.projectedAttributes} per table`,
        "project fewer attributes, or use projection 'all'",
      ),
    );
  }
  return problems;
}

/** An attribute used by several keys must have one type everywhere. */
function attributeTypeProblems(settings: DynamodbTableSettings): PathProblem[] {
  const keys: Array<[Path, DynamodbKeySettings]> = [[['partitionKey'], settings.partitionKey]];
  if (settings.sortKey) keys.push([['sortKey'], settings.sortKey]);
  settings.globalSecondaryIndexes.forEach((index, i) => {
    keys.push([['globalSecondaryIndexes', i, 'partitionKey'], index.partitionKey]);
    if (index.sortKey) keys.push([['globalSecondaryIndexes', i, 'sortKey'], index.sortKey]);
  });
  settings.localSecondaryIndexes.forEach((index, i) => keys.push([['localSecondaryIndexes', i, 'sortKey'], index.sortKey]));
  const problems: PathProblem[] = [];
  keys.forEach(([path, key], position) => {
    const first = keys.find(([, other]) => other.name === key.name);
    if (first && first[1].type !== key.type && keys.indexOf(first) < position) {
      problems.push(
        problem(
          [...path, 'type'],
          key.type,
          `declares '${key.name}' as ${key.type}, but ${first[0].join('.')} declares it as ${first[1].type}; an attribute has one type`,
          `use type '${first[1].type}' or another attribute name`,
        ),
      );
    }
  });
  return problems;
}

function streamProblems(settings: DynamodbTableSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const replicated = settings.replicaRegions.length > 0 && settings.multiRegionConsistency === 'eventual';
  if (replicated && settings.stream !== undefined && settings.stream !== 'new-and-old-images') {
    problems.push(
      problem(
        ['stream'],
        settings.stream,
        'must be new-and-old-images on a table with replicas: eventually consistent global tables replicate through the stream',
        "set stream: 'new-and-old-images' or remove it (it is the default with replicas)",
      ),
    );
  }
  return problems;
}

function strongConsistencyProblems(settings: DynamodbTableSettings): PathProblem[] {
  const { region, replicaRegions, witnessRegion } = settings;
  if (settings.multiRegionConsistency === 'eventual') {
    return witnessRegion === undefined
      ? []
      : [
          problem(
            ['witnessRegion'],
            witnessRegion,
            'applies only to multiRegionConsistency: strong',
            "remove witnessRegion, or set multiRegionConsistency: 'strong'",
          ),
        ];
  }
  const shapeOk = witnessRegion === undefined ? replicaRegions.length === 2 : replicaRegions.length === 1;
  if (!shapeOk) {
    const has = `${replicaRegions.length + 1} region(s)${witnessRegion ? ' plus a witness' : ''}`;
    return [
      problem(
        ['multiRegionConsistency'],
        'strong',
        `needs exactly 3 regions (the primary and 2 replicas) or 2 regions plus a witness region; this table has ${has}`,
        'list 2 replicaRegions, or 1 replica region and a witnessRegion',
      ),
    ];
  }
  const [setName, set] = Object.entries(MRSC_REGION_SETS).find(([, regions]) => regions.includes(region)) ?? [];
  const allSets = Object.entries(MRSC_REGION_SETS)
    .map(([name, regions]) => `${name}: ${regions.join(', ')}`)
    .join('; ');
  if (!set) {
    return [
      problem(
        ['region'],
        region,
        `is not a region where multi-Region strong consistency is offered (${allSets})`,
        "move the table to one of those regions, or use multiRegionConsistency: 'eventual'",
      ),
    ];
  }
  const problems: PathProblem[] = [];
  const others: Array<[Path, string]> = replicaRegions.map((r, i): [Path, string] => [['replicaRegions', i], r]);
  if (witnessRegion !== undefined) others.push([['witnessRegion'], witnessRegion]);
  for (const [path, other] of others) {
    if (!set.includes(other)) {
      problems.push(
        problem(
          path,
          other,
          `is outside the ${setName} region set of the primary (${set.join(', ')}); strongly consistent tables stay within one set`,
          `choose a region of ${set.join(', ')}`,
        ),
      );
    }
  }
  if (witnessRegion !== undefined && (witnessRegion === region || replicaRegions.includes(witnessRegion))) {
    problems.push(
      problem(
        ['witnessRegion'],
        witnessRegion,
        'is also a replica (or the primary) region; the witness must be a third region',
        `choose another region of ${set.join(', ')}`,
      ),
    );
  }
  return problems;
}
