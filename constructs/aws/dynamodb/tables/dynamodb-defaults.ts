/**
 * What DynamoDbGlobalTable uses for a prop left out, and the config schema for a field left out where the tiers have
 * no value of their own: one table, so each default is written once. Every prop's `@default` states the same value
 * (test/package/documented-defaults.test.ts compares them).
 */
import { DYNAMODB_LIMITS } from './dynamodb-limits';

export const DYNAMODB_DEFAULTS = {
  billing: { mode: 'on-demand' },
  tableClass: 'standard',
  pointInTimeRecovery: true,
  /** The longest recovery period DynamoDB keeps. */
  pointInTimeRecoveryDays: DYNAMODB_LIMITS.pointInTimeRecoveryDays.max,
  deletionProtection: true,
  contributorInsights: true,
  multiRegionConsistency: 'eventual',
  /** Deny plain HTTP on the table in the stack's region (replicas: opt in, see DynamoDbReplicaProps.enforceTls). */
  enforceTls: true,
  /** Of autoscaled provisioned capacity. */
  targetUtilizationPercent: 70,
} as const;
