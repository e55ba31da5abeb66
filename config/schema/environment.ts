/** One environment: its tier, the clouds it uses and its databases. `config/<name>.ts` holds one of these. */
import { z } from 'zod';
import { auroraCluster } from './aurora-cluster';
import { awsSettings } from './aws';
import { cloudSqlInstance } from './cloudsql-instance';
import { dynamodbTable } from './dynamodb-table';
import { elasticacheCluster } from './elasticache-cluster';
import { reasonText, tags } from './fields';
import { gcpSettings } from './gcp';
import { memorystoreInstance } from './memorystore-instance';
import { rdsInstance } from './rds-instance';
import { TIERS } from './tiers';

/** The database kinds a config can declare, and the cloud section (`aws` or `gcp`) each one lives in. */
export const DATABASE_KIND_CLOUDS = {
  'rds-instance': 'aws',
  'aurora-cluster': 'aws',
  'dynamodb-table': 'aws',
  'cloudsql-instance': 'gcp',
  'elasticache-cluster': 'aws',
  'memorystore-instance': 'gcp',
} as const;
export type DatabaseKind = keyof typeof DATABASE_KIND_CLOUDS;
export const DATABASE_KINDS = Object.keys(DATABASE_KIND_CLOUDS) as readonly DatabaseKind[] as readonly [DatabaseKind, ...DatabaseKind[]];

export const database = z.discriminatedUnion('kind', [rdsInstance, auroraCluster, dynamodbTable, cloudSqlInstance, elasticacheCluster, memorystoreInstance], {
  error: `kind must be one of ${DATABASE_KINDS.join(', ')}`,
});

export const environmentSchema = z.strictObject({
  tier: z.enum(TIERS, { error: `must be one of ${TIERS.join(', ')}` }),
  description: z.string().optional(),
  /** Applied to every resource of the environment. */
  tags: tags.default({}),
  aws: awsSettings.optional(),
  gcp: gcpSettings.optional(),
  databases: z.array(database).default([]),
  /**
   * Intended replacements of stateful resources that the replacement guard (`npm run guard`) lets through, each
   * with the change's fingerprint and a reason: `<stack>/<logical id or Terraform address>` and `change`, as the
   * guard's message names them.
   */
  approvedReplacements: z
    .array(
      z.strictObject({
        resource: z.string().regex(/^[^/\s]+\/\S+$/, { error: 'must be <stack>/<resource>, as the guard names it' }),
        change: z
          .string()
          .regex(/^[0-9a-f]{12}$/, { error: 'must be the change fingerprint the guard prints (12 hex digits), so the approval covers only that change' }),
        reason: reasonText('must say why the replacement is safe (at least 10 characters)'),
      }),
    )
    .default([]),
});

/** What a `config/<name>.ts` file declares (defaults not yet applied). */
export type EnvironmentInput = z.input<typeof environmentSchema>;
/** The same after schema parsing (schema defaults applied; tier defaults not yet merged). */
export type ParsedEnvironment = z.output<typeof environmentSchema>;
export type DatabaseConfig = ParsedEnvironment['databases'][number];
