/** A DynamoDB global table (TableV2) with replicas in other regions. */
import { z } from 'zod';
import { databaseCommonFields } from './fields';

const attribute = z.strictObject({
  name: z.string().min(1).max(255),
  type: z.enum(['string', 'number', 'binary'], { error: 'must be string, number or binary' }),
});

export const dynamodbTable = z.strictObject({
  kind: z.literal('dynamodb-table'),
  ...databaseCommonFields,
  partitionKey: attribute,
  sortKey: attribute.optional(),
  billing: z.enum(['on-demand', 'provisioned'], { error: 'must be on-demand or provisioned' }).default('on-demand'),
  /** PITR recovery period, 1–35 days. */
  pointInTimeRecoveryDays: z.int().min(1, { error: 'must be from 1 to 35 days' }).max(35, { error: 'must be from 1 to 35 days' }).optional(),
  replicaRegions: z.array(z.string()).default([]),
});

export type DynamodbTableConfig = z.output<typeof dynamodbTable>;
