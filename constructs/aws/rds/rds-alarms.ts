/** CloudWatch alarms from alarm definitions, with metric filters for log-derived metrics, notifying a topic. */
import { Annotations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { createDefinitionAlarm } from '../foundation/definition-alarm';
import type { CloudWatchAlarmDefinition } from './tables/rds-alarm-definitions';

export interface RdsAlarmsProps {
  readonly identifier: string;
  readonly definitions: readonly CloudWatchAlarmDefinition[];
  /** Alarm and OK actions. @default - no actions, with a synth warning */
  readonly topic?: sns.ITopic;
  /** Exported log groups by log type, for log-derived metrics (deadlocks). */
  readonly logGroups: ReadonlyMap<string, logs.ILogGroup>;
}

export class RdsAlarms extends Construct {
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: RdsAlarmsProps) {
    super(scope, id);
    if (!props.topic && props.definitions.length > 0) {
      Annotations.of(scope).addWarningV2(
        'databases:alarms-without-actions',
        `${props.identifier}: alarms have no action; pass alarmTopic so someone is notified`,
      );
    }
    const definitions = props.definitions.filter((d) => !d.logMetric || props.logGroups.has(d.logMetric.logType));
    this.alarms = definitions.map((definition) => {
      if (definition.logMetric) {
        new logs.MetricFilter(this, `${definition.metricName}Filter`, {
          logGroup: props.logGroups.get(definition.logMetric.logType)!,
          filterPattern: logs.FilterPattern.literal(definition.logMetric.pattern),
          metricNamespace: definition.namespace,
          metricName: definition.metricName,
          metricValue: '1',
          dimensions: { ...definition.dimensions },
          unit: cloudwatch.Unit.COUNT,
        });
      }
      return createDefinitionAlarm(this, definition.id, definition, props.topic);
    });
  }
}
