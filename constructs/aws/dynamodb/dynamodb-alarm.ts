import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { createDefinitionAlarm, definitionMetric } from '../foundation/definition-alarm';
import type { DynamoDbAlarmDefinition } from './tables/dynamodb-alarm-definitions';

/** The metric of a definition: one metric, or per-operation metrics combined with metric math. */
export function dynamoDbAlarmMetric(definition: DynamoDbAlarmDefinition): cloudwatch.IMetric {
  const across = definition.acrossOperations;
  if (!across) return definitionMetric(definition);
  const usingMetrics = Object.fromEntries(across.operations.map((operation, i) => [`m${i}`, definitionMetric(definition, { Operation: operation })]));
  return new cloudwatch.MathExpression({
    expression: `${across.combine}([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label: `${definition.metricName} (${across.combine} over ${across.operations.join(', ')})`,
    period: Duration.seconds(definition.periodSeconds),
  });
}

/** A CloudWatch alarm for a DynamoDB definition, notifying `topic` on alarm and recovery. */
export function createDynamoDbAlarm(scope: Construct, definition: DynamoDbAlarmDefinition, topic?: sns.ITopic): cloudwatch.Alarm {
  return createDefinitionAlarm(scope, `Alarm-${definition.id}`, definition, topic, dynamoDbAlarmMetric(definition));
}
