/**
 * verify for one DynamoDB table: the table in its primary region and each planned replica in its own region (with
 * that region's key), then the table's alarms in the primary region (where its stack creates them).
 */
import type { DynamodbTablePlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { readMetricAlarms } from '../aws/cloudwatch-alarms';
import type { OperationsContext } from '../operations-context';
import { alarmChecks } from './alarm-checks';
import { backupSelectionChecks, membershipOf } from './backup-selection-checks';
import { DYNAMODB_TABLE_KIND, dynamodbRegionChecks } from './dynamodb-table-checks';
import { listTableTags, readDynamodbTable } from './dynamodb-table-live';

export async function verifyDynamodbTable(plan: DynamodbTablePlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const regions = [{ region: plan.region, keyAliasArn: plan.keyAliasArn }, ...plan.replicas.map((r) => ({ region: r.region, keyAliasArn: r.keyAliasArn }))];
  const [perRegion, alarms] = await Promise.all([
    Promise.all(
      regions.map(async ({ region, keyAliasArn }) => {
        const [live, plannedKeyArn] = await Promise.all([
          readDynamodbTable(ctx.clients, ctx.keys, region, plan.tableName),
          ctx.keys.keyArn(region, keyAliasArn),
        ]);
        const rows = dynamodbRegionChecks({ plan, region, keyAliasArn, plannedKeyArn, live, now: ctx.clock.now() });
        // The table in its primary region carries the backup tag: that region's plan selects it.
        if (region !== plan.region || !live?.table.TableArn) return rows;
        const membership = membershipOf(ctx.aws.backupMembership, plan.name);
        const tags = membership?.tag ? await listTableTags(ctx.clients, region, live.table.TableArn) : undefined;
        return [...rows, ...backupSelectionChecks({ database: plan.name, kind: DYNAMODB_TABLE_KIND, resource: plan.tableName, membership, tags })];
      }),
    ),
    readMetricAlarms(
      ctx.clients,
      plan.region,
      plan.alarms.map((a) => a.alarmName),
    ),
  ]);
  return [
    ...perRegion[0],
    ...alarmChecks({ database: plan.name, kind: DYNAMODB_TABLE_KIND, alarms: plan.alarms, topicArn: plan.alarmTopicArn, live: alarms }),
    ...perRegion.slice(1).flat(),
  ];
}
