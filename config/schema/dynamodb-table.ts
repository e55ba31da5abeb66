/**
 * A DynamoDB table (TableV2, `AWS::DynamoDB::GlobalTable`), optionally replicated to other regions. Cross-field
 * limits (index counts, autoscaling bounds, strong consistency) are checked by constructs/aws/dynamodb/tables/dynamodb-table-checks.ts.
 */
import { z } from 'zod';
import { DYNAMODB_DEFAULTS } from '../../constructs/aws/dynamodb/tables/dynamodb-defaults';
import { awsRegion, databaseCommonFields } from './fields';

export const DYNAMODB_ATTRIBUTE_TYPES = ['string', 'number', 'binary'] as const;
export const DYNAMODB_TABLE_CLASSES = ['standard', 'standard-infrequent-access'] as const;
export const DYNAMODB_STREAM_VIEWS = ['new-and-old-images', 'new-image', 'old-image', 'keys-only'] as const;

const attribute = z.strictObject({
  name: z.string().min(1).max(255),
  type: z.enum(DYNAMODB_ATTRIBUTE_TYPES, { error: `must be ${DYNAMODB_ATTRIBUTE_TYPES.join(', ')}` }),
});

const indexName = z.string().regex(/^[a-zA-Z0-9_.-]{3,255}$/, { error: 'must be 3–255 letters, digits, _ . or -' });

/** Target tracking between min and max capacity units. */
const autoscaledCapacity = z.strictObject({
  min: z.int().min(1, { error: 'must be at least 1 capacity unit' }),
  max: z.int().min(1, { error: 'must be at least 1 capacity unit' }),
  targetUtilizationPercent: z
    .int()
    .min(20, { error: 'must be from 20 to 90' })
    .max(90, { error: 'must be from 20 to 90' })
    .default(DYNAMODB_DEFAULTS.targetUtilizationPercent),
});

const projection = z
  .union([z.enum(['all', 'keys-only']), z.strictObject({ include: z.array(z.string().min(1).max(255)).min(1) })], {
    error: "must be 'all', 'keys-only' or { include: [attribute names] }",
  })
  .default('all');

const requestUnits = z.int().min(1, { error: 'must be at least 1 request unit' });

const globalSecondaryIndex = z.strictObject({
  name: indexName,
  partitionKey: attribute,
  sortKey: attribute.optional(),
  projection,
  /** Provisioned billing only. Default: the table's capacity. */
  readCapacity: autoscaledCapacity.optional(),
  writeCapacity: autoscaledCapacity.optional(),
  /** On-demand billing only. */
  maxReadRequestUnits: requestUnits.optional(),
  maxWriteRequestUnits: requestUnits.optional(),
});

/** Local secondary indexes exist only from the table's creation: adding or removing one replaces the table. */
const localSecondaryIndex = z.strictObject({
  name: indexName,
  sortKey: attribute,
  projection,
});

const billing = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('on-demand'),
      /** Optional ceilings that cap cost; requests above them are throttled. */
      maxReadRequestUnits: requestUnits.optional(),
      maxWriteRequestUnits: requestUnits.optional(),
    }),
    z.strictObject({ mode: z.literal('provisioned'), readCapacity: autoscaledCapacity, writeCapacity: autoscaledCapacity }),
  ],
  { error: "billing.mode must be 'on-demand' (optional maxRead/WriteRequestUnits) or 'provisioned' (readCapacity, writeCapacity)" },
);

export const dynamodbTable = z.strictObject({
  kind: z.literal('dynamodb-table'),
  ...databaseCommonFields,
  partitionKey: attribute,
  sortKey: attribute.optional(),
  globalSecondaryIndexes: z.array(globalSecondaryIndex).default([]),
  localSecondaryIndexes: z.array(localSecondaryIndex).default([]),
  billing: billing.default(DYNAMODB_DEFAULTS.billing),
  tableClass: z.enum(DYNAMODB_TABLE_CLASSES, { error: `must be one of ${DYNAMODB_TABLE_CLASSES.join(', ')}` }).default(DYNAMODB_DEFAULTS.tableClass),
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes expired items. */
  timeToLiveAttribute: z.string().min(1).max(255).optional(),
  /** Stream view; replicas need (and default to) new-and-old-images. */
  stream: z.enum(DYNAMODB_STREAM_VIEWS, { error: `must be one of ${DYNAMODB_STREAM_VIEWS.join(', ')}` }).optional(),
  /** Point-in-time recovery period, 1–35 days. Default: the tier's backup retention. */
  pointInTimeRecoveryDays: z.int().optional(),
  /** CloudWatch Contributor Insights on the table and every replica. Default: on in staging and production. */
  contributorInsights: z.boolean().optional(),
  /** Regions of replicas (each needs its own key: list it in aws.regions). */
  replicaRegions: z.array(awsRegion).default([]),
  /**
   * Refuse plain HTTP on the replicas too (the primary always does). CloudFormation cannot attach the policy in the
   * update that creates a replica: set this in the change after the replicas exist.
   */
  tlsOnlyReplicas: z.boolean().default(false),
  /** 'strong' (multi-Region strong consistency) needs exactly 3 regions, or 2 plus a witness region. */
  multiRegionConsistency: z.enum(['eventual', 'strong'], { error: 'must be eventual or strong' }).default(DYNAMODB_DEFAULTS.multiRegionConsistency),
  witnessRegion: awsRegion.optional(),
});

export type DynamodbTableInput = z.input<typeof dynamodbTable>;
export type DynamodbTableConfig = z.output<typeof dynamodbTable>;
