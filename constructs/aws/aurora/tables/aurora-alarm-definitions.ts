/** CloudWatch alarm definitions for an Aurora instance or cluster: the Aurora catalog's rows that apply, thresholds resolved. */
import { AURORA_ALARMS, AuroraAlarmContext } from './aurora-alarm-catalog';
import { CloudWatchAlarmDefinition, resolveAlarmRows } from '../../rds/tables/rds-alarm-definitions';

/**
 * @param identifier the DB instance identifier (writer, reader) or the DB cluster identifier (cluster roles).
 * @param overrides thresholds by alarm id, in the catalog's unit; they win over the derived ones.
 */
export function auroraAlarmDefinitions(
  identifier: string,
  ctx: AuroraAlarmContext,
  overrides: Readonly<Record<string, number>> = {},
): CloudWatchAlarmDefinition[] {
  const level = ctx.role === 'writer' || ctx.role === 'reader' ? 'instance' : 'cluster';
  const dimensions: Record<string, string> = level === 'instance' ? { DBInstanceIdentifier: identifier } : { DBClusterIdentifier: identifier };
  return resolveAlarmRows(
    AURORA_ALARMS.filter((row) => row.level === level),
    identifier,
    dimensions,
    ctx,
    overrides,
  );
}
