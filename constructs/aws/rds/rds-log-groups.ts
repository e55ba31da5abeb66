/**
 * The log groups RDS exports to, created before the instance so they carry our retention and our key (RDS would
 * otherwise create them unencrypted, kept forever, and our creation would then fail on the existing name).
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { keepUnlessDestroyed } from '../foundation/removal';

export interface RdsLogGroupsProps {
  readonly identifier: string;
  readonly logTypes: readonly string[];
  readonly retentionDays: number;
  /** A key (not an alias): CloudWatch Logs accepts only key ARNs. @default - CloudWatch Logs' own encryption */
  readonly encryptionKey?: kms.IKey;
  readonly removalPolicy: RemovalPolicy;
  /** Aurora exports per cluster (`/aws/rds/cluster/<id>/<type>`). @default 'instance' */
  readonly resource?: 'instance' | 'cluster';
}

export class RdsLogGroups extends Construct {
  readonly byType: ReadonlyMap<string, logs.LogGroup>;

  constructor(scope: Construct, id: string, props: RdsLogGroupsProps) {
    super(scope, id);
    const retention = props.retentionDays as logs.RetentionDays;
    this.byType = new Map(
      props.logTypes.map((type) => [
        type,
        new logs.LogGroup(this, type, {
          logGroupName: `/aws/rds/${props.resource ?? 'instance'}/${props.identifier}/${type}`,
          retention,
          encryptionKey: props.encryptionKey,
          removalPolicy: keepUnlessDestroyed(props.removalPolicy),
        }),
      ]),
    );
  }
}
