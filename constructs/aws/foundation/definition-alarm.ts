/** A CloudWatch alarm from an alarm definition (RDS, Aurora, DynamoDB), notifying a topic on alarm and recovery. */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { CloudWatchAlarmDefinition } from '../rds/tables/rds-alarm-definitions';

type Definition = Omit<CloudWatchAlarmDefinition, 'statistic' | 'logMetric'> & { readonly statistic: string };

/** The definition's single metric. */
export function definitionMetric(definition: Definition, extraDimensions: Readonly<Record<string, string>> = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: definition.namespace,
    metricName: definition.metricName,
    dimensionsMap: { ...definition.dimensions, ...extraDimensions },
    statistic: definition.statistic,
    period: Duration.seconds(definition.periodSeconds),
  });
}

/** @param metric defaults to the definition's single metric; metric math passes its own. */
export function createDefinitionAlarm(
  scope: Construct,
  id: string,
  definition: Definition,
  topic: sns.ITopic | undefined,
  metric: cloudwatch.IMetric = definitionMetric(definition),
): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    alarmName: definition.alarmName,
    alarmDescription: definition.description,
    metric,
    threshold: definition.threshold,
    comparisonOperator:
      definition.comparison === 'GreaterThanThreshold'
        ? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD
        : cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: definition.evaluationPeriods,
    treatMissingData: definition.missingDataIsOk ? cloudwatch.TreatMissingData.NOT_BREACHING : cloudwatch.TreatMissingData.MISSING,
  });
  if (topic) {
    alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
    alarm.addOkAction(new cloudwatchActions.SnsAction(topic));
  }
  return alarm;
}
