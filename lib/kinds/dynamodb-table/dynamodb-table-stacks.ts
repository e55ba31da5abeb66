/** The stack of a DynamoDB table: one, holding the table and all its replicas. */
import { awsFoundationStackId } from '../../naming/names';
import type { AwsStackSpec, DynamodbTablePlan } from '../../plan/plan-types';

export function dynamodbTableStacks(table: DynamodbTablePlan): AwsStackSpec[] {
  return [
    {
      type: 'dynamodb-table',
      plan: table,
      stackId: table.stackId,
      stackName: table.stackName,
      region: table.region,
      description: `DynamoDB table ${table.tableName}${table.replicas.length > 0 ? ` with replicas in ${table.replicas.map((r) => r.region).join(', ')}` : ''}`,
      // Each replica needs its region's key alias before it is created.
      dependsOn: [table.region, ...table.replicas.map((r) => r.region)].map(awsFoundationStackId),
      backupMemberOf: table.name,
    },
  ];
}
