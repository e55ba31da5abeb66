/** verify for one RDS instance: read the live instance, its key and its alarms, then compare (rds-instance-checks). */
import type { RdsInstancePlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { readMetricAlarms } from '../aws/cloudwatch-alarms';
import type { OperationsContext } from '../operations-context';
import { alarmChecks } from './alarm-checks';
import { RDS_INSTANCE_KIND, rdsInstanceChecks } from './rds-instance-checks';
import { readRdsInstance } from './rds-instance-live';

export async function verifyRdsInstance(plan: RdsInstancePlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const [live, plannedKeyArn, alarms] = await Promise.all([
    readRdsInstance(ctx.clients, ctx.keys, plan.region, plan.identifier),
    ctx.keys.keyArn(plan.region, plan.keyAliasArn),
    readMetricAlarms(ctx.clients, plan.region, plan.alarms.map((a) => a.alarmName)),
  ]);
  const network = ctx.aws.regions.find((r) => r.region === plan.region)?.network;
  return [
    ...rdsInstanceChecks({ plan, network, plannedKeyArn, live, now: ctx.clock.now() }),
    ...alarmChecks({ database: plan.name, kind: RDS_INSTANCE_KIND, alarms: plan.alarms, topicArn: plan.alarmTopicArn, live: alarms }),
  ];
}
