import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { DynamoDbAlarmDefinition } from './dynamodb-alarm-definitions';

/** The metric of a definition: one metric, or per-operation metrics combined with metric math. */
export function dynamoDbAlarmMetric(definition: DynamoDbAlarmDefinition): cloudwatch.IMetric {
  const metric = (extraDimensions: Record<string, string> = {}) =>
    new cloudwatch.Metric({
      namespace: definition.namespace,
      metricName: definition.metricName,
      dimensionsMap: { ...definition.dimensions, ...extraDimensions },
      statistic: definition.statistic,
      period: Duration.seconds(definition.periodSeconds),
    });
  const across = definition.acrossOperations;
  if (!across) return metric();
  const usingMetrics = Object.fromEntries(across.operations.map((operation, i) => [`m${i}`, metric({ Operation: operation })]));
  return new cloudwatch.MathExpression({
    expression: `${across.combine}([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label: `${definition.metricName} (${across.combine} over ${across.operations.join(', ')})`,
    period: Duration.seconds(definition.periodSeconds),
  });
}

/**
 * A CloudWatch alarm for a DynamoDB definition, notifying `topic` on alarm and recovery. Missing data means no
 * throttles, errors or traffic, so it does not breach.
 */
export function createDynamoDbAlarm(scope: Construct, definition: DynamoDbAlarmDefinition, topic?: sns.ITopic): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, `Alarm-${definition.id}`, {
    alarmName: definition.alarmName,
    alarmDescription: definition.description,
    metric: dynamoDbAlarmMetric(definition),
    threshold: definition.threshold,
    comparisonOperator:
      definition.comparison === 'GreaterThanThreshold'
        ? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD
        : cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: definition.evaluationPeriods,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  if (topic) {
    alarm.addAlarmAction(new cloudwatchActions.SnsAction(topic));
    alarm.addOkAction(new cloudwatchActions.SnsAction(topic));
  }
  return alarm;
}
