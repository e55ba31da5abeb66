/**
 * A DynamoDB global table's replicas: removing one from `Replicas` is an in-place update of the GlobalTable, and it
 * deletes that region's table with its items (CloudFormation AWS::DynamoDB::GlobalTable, "Replicas": "if you remove
 * a replica, the replica table and its data are deleted" —
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-globaltable.html).
 * cloudformation-diff sees only an update, so the guard compares the regions itself.
 */
import type { CfnResource } from './stateful-resources';

const regionsOf = (resource: CfnResource): string[] =>
  ((resource.Properties?.Replicas as Array<{ Region?: unknown }> | undefined) ?? []).map((replica) => JSON.stringify(replica.Region));

/** Replica regions in `before` that `after` no longer has (regions printed as written; a token as its JSON). */
export function removedReplicaRegions(before: CfnResource, after: CfnResource): string[] {
  const kept = new Set(regionsOf(after));
  return regionsOf(before)
    .filter((region) => !kept.has(region))
    .map((region) => (region.startsWith('"') ? JSON.parse(region) : region));
}
