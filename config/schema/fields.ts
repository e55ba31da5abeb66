/** Field types shared by the AWS, Google Cloud and database schemas. */
import { z } from 'zod';
import { identifierProblem } from '../../constructs/common/identifiers';
import { REMOVAL_POLICIES } from './tiers';

/** Environment names become CDK stage ids, stack-name prefixes and part of every database identifier. */
export const ENVIRONMENT_NAME_MAX_LENGTH = 20;
/**
 * Database names: `<environment>-<database>` plus a replica suffix (≤ 11 characters) must fit RDS's 63-character
 * identifier limit: 20 + 1 + 30 + 11 = 62.
 */
export const DATABASE_NAME_MAX_LENGTH = 30;

export const databaseName = z.string().check((ctx) => {
  const problem = identifierProblem(ctx.value, DATABASE_NAME_MAX_LENGTH);
  if (problem) ctx.issues.push({ code: 'custom', message: `a database name ${problem}`, input: ctx.value });
});

export const awsRegion = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/, { error: 'must be an AWS region name such as eu-west-1' });

export const gcpRegion = z.string().regex(/^[a-z]+-[a-z]+\d+$/, { error: 'must be a Google Cloud region name such as europe-west1' });

export const positiveInt = z.int().positive();

/**
 * AWS tag rules, as RDS states them for keys and values ("Tag", Amazon RDS API Reference,
 * docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Tag.html): keys 1–128 and values at most 256 Unicode
 * characters, only Unicode letters, digits, white space and _ . : / = + - @, neither prefixed with aws: or rds:
 * (AWS reserves aws: in any letter case). The same map tags DynamoDB tables and becomes Google labels (converted in
 * lib/naming/gcp-labels.ts), so the strictest rule, RDS's, applies to all.
 */
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_TAG_PREFIX = /^(aws|rds):/i;
const TAG_CHARACTERS_ALLOWED = 'letters, digits, spaces and _ . : / = + - @';

function tagTextProblem(text: string, what: 'key' | 'value', maxLength: number): string | undefined {
  const length = [...text].length;
  if (what === 'key' && length === 0) return `the tag key is empty; AWS allows 1 to ${maxLength} characters`;
  if (length > maxLength) return `the tag ${what} has ${length} characters; AWS allows at most ${maxLength}`;
  if (!TAG_CHARACTERS.test(text)) return `the tag ${what} has characters AWS refuses; allowed: ${TAG_CHARACTERS_ALLOWED}`;
  const reserved = RESERVED_TAG_PREFIX.exec(text);
  if (reserved) return `the tag ${what} starts with '${reserved[0]}', a prefix AWS reserves for its own tags`;
  return undefined;
}

export const tags = z.record(z.string(), z.string(), { error: 'must map tag keys to string values' }).check((ctx) => {
  for (const [key, value] of Object.entries(ctx.value)) {
    const keyProblem = tagTextProblem(key, 'key', TAG_KEY_MAX_LENGTH);
    if (keyProblem) ctx.issues.push({ code: 'custom', message: keyProblem, path: [key], input: value });
    const valueProblem = tagTextProblem(value, 'value', TAG_VALUE_MAX_LENGTH);
    if (valueProblem) ctx.issues.push({ code: 'custom', message: valueProblem, path: [key], input: value });
  }
});

export const removalPolicy = z.enum(REMOVAL_POLICIES, {
  error: `must be one of ${REMOVAL_POLICIES.join(', ')}`,
});

/**
 * A free-text reason (waivers, backup opt-outs, approved replacements): at least 10 characters once the spaces around
 * it are ignored, so a reason that is only whitespace counts as no reason.
 */
export const REASON_MIN_LENGTH = 10;
export const reasonText = (error: string) => z.string().refine((text) => text.trim().length >= REASON_MIN_LENGTH, { error });

export const emailList = z
  .array(z.email({ error: 'must be an email address' }))
  .refine((emails) => new Set(emails).size === emails.length, { error: 'lists an email address twice' });

/** Settings every database kind has; each one overrides its tier default (config/schema/tiers.ts). */
export const databaseCommonFields = {
  name: databaseName,
  /** Region of the primary; defaults to the cloud's primary region. */
  region: z.string().optional(),
  tags: tags.optional(),
  /** Multi-AZ on RDS, REGIONAL availability on Cloud SQL. Default: by tier. */
  highAvailability: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
  removalPolicy: removalPolicy.optional(),
  pointInTimeRecovery: z.boolean().optional(),
  /**
   * Policy rules this database is exempt from (`npm run synth` enforces them), each with a reason and an optional
   * expiry date after which the rule applies again.
   */
  waivers: z
    .array(
      z.strictObject({
        rule: z.string(),
        reason: reasonText('must say why the waiver is acceptable (at least 10 characters)'),
        expires: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional(),
      }),
    )
    .default([]),
};

/**
 * A string from a closed set whose check (with the full message) is a rule of its own, such as an instance class: typed
 * as the set's union, so an editor completes it and `tsc` rejects a typo in a config file. JavaScript configs, which no
 * compiler checks, are still refused by the rule at synth; at run time this is a plain string schema.
 */
export function checkedChoice<T extends string>(): z.ZodType<T, T> {
  return z.string() as unknown as z.ZodType<T, T>;
}
