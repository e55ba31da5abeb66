/** DynamoDB's limits that we check before CloudFormation does. */
export const DYNAMODB_LIMITS = {
  /** Default quota; aws-cdk-lib refuses more. */
  globalSecondaryIndexes: 20,
  /** Hard limit; local indexes exist only from the table's creation. */
  localSecondaryIndexes: 5,
  /** Projected non-key attributes over all indexes of a table. */
  projectedAttributes: 100,
  pointInTimeRecoveryDays: { min: 1, max: 35 },
  targetUtilizationPercent: { min: 20, max: 90 },
} as const;
