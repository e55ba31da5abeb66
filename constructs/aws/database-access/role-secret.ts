/**
 * The secret of one engine-created `password` role: a generated password for the user named after the role, in the
 * shape the RDS rotation functions read (username, password, masterarn from the template; engine, host, port and the
 * instance or cluster identifier added by the target attachment — "AWS Secrets Manager secret JSON structure",
 * Amazon RDS credentials, Secrets Manager User Guide), encrypted with the region's key and rotated by the multi-user
 * hosted rotation with the master secret, in the database's subnets.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { MULTI_USER_ROTATION } from './multi-user-rotations';
import type { AccessEngine } from './tables/access-engines';

export interface RoleSecretProps {
  /** `<identifier>/roles/<role>`. */
  readonly secretName: string;
  readonly roleName: string;
  readonly engine: AccessEngine;
  readonly encryptionKey: kms.IKey;
  /** The master secret, with its key: the rotation function logs in with it to change the role's password. */
  readonly masterSecret: secretsmanager.ISecret;
  readonly attachTo: secretsmanager.ISecretAttachmentTarget;
  readonly rotationDays: number;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly removalPolicy: RemovalPolicy;
}

export class RoleSecret extends Construct {
  readonly secret: rds.DatabaseSecret;
  /** The secret with the database's connection fields attached: what applications and the handler read. */
  readonly attached: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: RoleSecretProps) {
    super(scope, id);
    this.secret = new rds.DatabaseSecret(this, 'Secret', {
      secretName: props.secretName,
      username: props.roleName,
      encryptionKey: props.encryptionKey,
      masterSecret: props.masterSecret,
    });
    // Applications hold this password: a replaced or deleted secret locks every one of them out.
    this.secret.applyRemovalPolicy(props.removalPolicy);
    this.attached = this.secret.attach(props.attachTo);
    this.attached.addRotationSchedule('Rotation', {
      automaticallyAfter: Duration.days(props.rotationDays),
      hostedRotation: MULTI_USER_ROTATION[props.engine]({
        masterSecret: props.masterSecret,
        vpc: props.vpc,
        vpcSubnets: props.subnets,
        securityGroups: [props.securityGroup],
      }),
    });
  }
}
