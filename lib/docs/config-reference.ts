/**
 * docs/config-reference.md, generated from the zod schema (through its JSON Schema), so the reference cannot drift
 * from what the loader accepts. Fields whose default comes from the tier say so, with the three values.
 */
import { z } from 'zod';
import { environmentSchema, TIER_DEFAULTS, TIERS } from '../../config/schema';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
};

/** Config fields whose default is the tier's (config/schema/tiers.ts), by field name. */
const TIER_FIELDS: Readonly<Record<string, (tier: (typeof TIERS)[number]) => unknown>> = {
  highAvailability: (tier) => TIER_DEFAULTS[tier].highAvailability,
  deletionProtection: (tier) => TIER_DEFAULTS[tier].deletionProtection,
  removalPolicy: (tier) => TIER_DEFAULTS[tier].removalPolicy,
  pointInTimeRecovery: (tier) => TIER_DEFAULTS[tier].pointInTimeRecovery,
  backupRetentionDays: (tier) => TIER_DEFAULTS[tier].backupRetentionDays,
  retainedBackups: (tier) => TIER_DEFAULTS[tier].backupRetentionDays,
};

interface Row {
  readonly path: string;
  readonly type: string;
  readonly allowed: string;
  readonly required: boolean;
  readonly defaultValue: string;
}

const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

function describeType(schema: JsonSchema): string {
  if (schema.const !== undefined) return code(schema.const);
  if (schema.oneOf || schema.anyOf) return (schema.oneOf ?? schema.anyOf)!.map(describeType).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? describeType(schema.items) : 'values'}`;
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object')
    return `map of ${describeType(schema.additionalProperties)}`;
  if (schema.enum) return 'one of';
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

function describeAllowed(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.enum) parts.push(schema.enum.map((v) => code(v)).join(', '));
  // zod gives every integer the safe-integer range; only real bounds are worth showing.
  const bound = (value: number | undefined) => (value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);
  const [minimum, maximum] = [bound(schema.minimum), bound(schema.maximum)];
  if (minimum !== undefined || maximum !== undefined) parts.push(`${minimum ?? '…'}–${maximum ?? '…'}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '…'} characters`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) parts.push(`${schema.minItems ?? 0}–${schema.maxItems ?? '…'} items`);
  if (schema.format === 'date') parts.push('YYYY-MM-DD');
  else if (schema.format) parts.push(schema.format);
  else if (schema.pattern && schema.pattern.length <= 60) parts.push(`\`${schema.pattern.replace(/\|/g, '\\|')}\``);
  return parts.join('; ');
}

function rows(schema: JsonSchema, prefix: string): Row[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const tierDefault = TIER_FIELDS[name];
    const defaultValue = tierDefault
      ? `by tier: ${TIERS.map((tier) => `${tier} ${JSON.stringify(tierDefault(tier))}`).join(', ')}`
      : field.default !== undefined
        ? code(field.default)
        : '';
    const row: Row = {
      path,
      type: describeType(field),
      allowed: describeAllowed(field),
      required: required.has(name) && field.default === undefined,
      defaultValue,
    };
    const variants = (field.oneOf ?? field.anyOf ?? []).filter((variant) => variant.properties);
    const nested =
      variants.length > 0
        ? mergeVariants(variants.map((variant) => rows(variant, path)))
        : field.type === 'object' && field.properties
          ? rows(field, path)
          : field.type === 'array' && field.items?.properties
            ? rows(field.items, `${path}[]`)
            : field.type === 'object' && typeof field.additionalProperties === 'object' && field.additionalProperties.properties
              ? rows(field.additionalProperties, `${path}.<key>`)
              : [];
    return [row, ...nested];
  });
}

/**
 * Fields of several variants (e.g. the network types) as one list: a field in more than one shows each type, and is
 * required only when every variant requires it.
 */
function mergeVariants(variants: readonly Row[][]): Row[] {
  const merged = new Map<string, Row & { count: number }>();
  for (const row of variants.flat()) {
    const seen = merged.get(row.path);
    const type = seen && !seen.type.split(' or ').includes(row.type) ? `${seen.type} or ${row.type}` : (seen?.type ?? row.type);
    merged.set(row.path, { ...(seen ?? row), type, required: (seen?.required ?? true) && row.required, count: (seen?.count ?? 0) + 1 });
  }
  return [...merged.values()].map(({ count, ...row }) => ({ ...row, required: row.required && count === variants.length }));
}

function table(title: string, intro: string, list: readonly Row[]): string[] {
  return [
    `## ${title}`,
    '',
    intro,
    '',
    '| field | type | allowed | required | default |',
    '| --- | --- | --- | --- | --- |',
    ...list.map((r) => `| \`${r.path}\` | ${r.type} | ${r.allowed} | ${r.required ? 'yes' : ''} | ${r.defaultValue} |`),
    '',
  ];
}

export function renderConfigReference(): string {
  const schema = z.toJSONSchema(environmentSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const top = schema.properties!;
  const { aws, gcp, databases, ...environmentFields } = top;
  const kinds = databases.items!.oneOf!;
  return [
    '# Configuration reference',
    '',
    'Generated from the schema by `npm run docs:config`; a test fails when it is stale. Cross-field rules (regions with',
    'keys, engine versions, instance classes, limits) are checked after the schema; their messages say what is allowed.',
    '',
    ...table('Environment', 'The object a `config/<env>.ts` file exports through `defineEnvironment`.', rows({ ...schema, properties: environmentFields }, '')),
    ...table('AWS (`aws`)', 'Account, regions with their network, notifications, AWS Backup settings.', rows(aws.anyOf?.[0] ?? aws, 'aws')),
    ...table('Google Cloud (`gcp`)', 'Project, regions with keys, private network, notifications, state backend.', rows(gcp.anyOf?.[0] ?? gcp, 'gcp')),
    ...kinds.flatMap((kind) => {
      const name = String(kind.properties!.kind.const);
      return table(`Database kind \`${name}\``, `An entry of \`databases\` with \`kind: '${name}'\`.`, rows(kind, `databases[]`));
    }),
  ].join('\n');
}
