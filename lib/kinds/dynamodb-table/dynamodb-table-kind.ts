/** DynamoDB tables, global tables when they have replica regions. */
import type { DatabaseKindRow } from '../database-kind';
import { dynamodbTableEntry } from './dynamodb-table-inventory';
import { planDynamodbTable } from './dynamodb-table-plan';
import { dynamodbTablePosture } from './dynamodb-table-posture';
import { dynamodbTableRules } from './dynamodb-table-rules';
import { dynamodbTableStacks } from './dynamodb-table-stacks';
import { resolveDynamodbTable } from './resolve-dynamodb-table';

export const dynamodbTableKind: DatabaseKindRow<'dynamodb-table'> = {
  kind: 'dynamodb-table',
  resolve: resolveDynamodbTable,
  replicaRegions: (db) => [{ field: 'replicaRegions', regions: db.replicaRegions, pathOf: (n) => ['replicaRegions', n], oneInEachOtherRegion: true }],
  rules: [dynamodbTableRules],
  plan: (env, db, context) => planDynamodbTable(env, db, context.awsRegion),
  stacks: dynamodbTableStacks,
  posture: dynamodbTablePosture,
  inventory: dynamodbTableEntry,
};
