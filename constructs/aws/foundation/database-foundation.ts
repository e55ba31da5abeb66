import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { allowLogsToUseKey } from './log-group-key-grant';
import { allowServiceToPublish } from './service-publish-grant';

export interface DatabaseFoundationProps {
  /** Alias of the customer-managed key, e.g. `alias/prod-databases`. Deterministic so other regions' stacks can name it. */
  readonly keyAlias: string;
  /** Name of the alarm topic, e.g. `prod-database-alarms`. */
  readonly alarmTopicName: string;
  /** Email addresses subscribed to the alarm topic. @default - none */
  readonly notificationEmails?: readonly string[];
  /** What happens to the key when it leaves the template. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * What every database of an environment in one region shares: a customer-managed KMS key (rotation on) that RDS,
 * Secrets Manager, Performance Insights, CloudWatch Logs and the alarm topic use, and that alarm topic.
 */
export class DatabaseFoundation extends Construct {
  readonly key: kms.Key;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: DatabaseFoundationProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      alias: props.keyAlias,
      description: `Encrypts databases, their backups, secrets and alarm notifications (${props.keyAlias})`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // RDS and Aurora log exports go to log groups encrypted with the key (created by the database stacks, /aws/rds/...).
    allowLogsToUseKey(this, this.key, 'AllowCloudWatchLogsForRdsLogGroups', '/aws/rds/*');
    // ElastiCache slow and engine logs likewise (/aws/elasticache/<group>/<log type>).
    allowLogsToUseKey(this, this.key, 'AllowCloudWatchLogsForElastiCacheLogGroups', '/aws/elasticache/*');
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      topicName: props.alarmTopicName,
      displayName: `Database alarms (${props.alarmTopicName})`,
      masterKey: this.key,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, so the alarms' right to publish (and to use the key) is stated here.
    allowServiceToPublish(this.alarmTopic, 'cloudwatch', props.alarmTopicName);
    for (const email of props.notificationEmails ?? []) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }
  }
}
