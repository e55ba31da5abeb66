/**
 * The Lambda function that applies a database's declared access (the provisioning engine's onEvent handler), behind
 * CDK's Provider framework. Only this function runs in the database's subnets: the framework's own function stays
 * outside the VPC, because it answers CloudFormation through a pre-signed S3 URL, which an isolated subnet cannot reach.
 */
import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge, awsManagedPolicyFinding } from '../foundation/compliance-acknowledgements';
import { provisioningHandlerBundle } from './provisioning-handler-bundle';

/** The newest Node.js runtime aws-cdk-lib 2.276 knows (Runtime.NODEJS_24_X; nodejs24.x is supported to 2028). */
export const PROVISIONING_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * Node.js 20 and later Lambda runtimes no longer load Amazon's CA certificates (which sign RDS's server certificates)
 * unless this variable names the bundle the runtime ships ("CA certificate loading", AWS Lambda Developer Guide,
 * Building Lambda functions with Node.js). With it, `pg` and `mysql2` verify the server certificate.
 */
export const RDS_CA_ENVIRONMENT = { NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem' } as const;

/** Creating roles, grants and databases is quick; 5 minutes leaves room for a cold start and a slow catalog read. */
export const PROVISIONING_TIMEOUT = Duration.minutes(5);

export interface ProvisioningFunctionProps {
  /** Names the function's log groups and description. */
  readonly identifier: string;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly logRetention: logs.RetentionDays;
  /** The key of the function logs (a key, not an alias). */
  readonly logKey: kms.IKey;
  readonly logRemovalPolicy: RemovalPolicy;
  /** The secrets the handler reads: the master secret and the role secrets. */
  readonly readableSecretArns: readonly string[];
  /** The key those secrets are encrypted with, by key ARN. */
  readonly secretsKeyArn: string;
}

/**
 * The function logs sit under `/aws/rds/`, whose log groups the region's key policy already lets CloudWatch Logs use
 * (constructs/aws/foundation/database-foundation.ts): they are the database's own provisioning logs.
 */
export const provisioningLogGroupName = (identifier: string, part: 'handler' | 'provider') => `/aws/rds/access/${identifier}/${part}`;

export class ProvisioningFunction extends Construct {
  readonly function: lambda.Function;
  readonly provider: cr.Provider;

  constructor(scope: Construct, id: string, props: ProvisioningFunctionProps) {
    super(scope, id);
    const bundle = provisioningHandlerBundle();
    this.function = new lambda.Function(this, 'Handler', {
      description: `Applies the declared roles, grants, extensions and databases of ${props.identifier}`,
      runtime: PROVISIONING_RUNTIME,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(bundle.directory),
      timeout: PROVISIONING_TIMEOUT,
      memorySize: 256,
      environment: { ...RDS_CA_ENVIRONMENT },
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [props.securityGroup],
      logGroup: this.logGroup('HandlerLogs', 'handler', props),
    });
    this.grantReadSecrets(props);
    this.provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: this.logGroup('ProviderLogs', 'provider', props),
    });
    this.acknowledgeFindings(props);
  }

  /**
   * Stated here rather than with `secret.grantRead`: CDK drops the decrypt grant of an imported key, and the region's
   * key lives in the foundation stack, whose key policy must not name this stack's role (a cycle between the stacks).
   */
  private grantReadSecrets(props: ProvisioningFunctionProps): void {
    const region = Stack.of(this).region;
    this.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [...props.readableSecretArns] }));
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [props.secretsKeyArn],
        // Only as Secrets Manager decrypts a secret for this function, not for anything else the key protects.
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
      }),
    );
  }

  private logGroup(id: string, part: 'handler' | 'provider', props: ProvisioningFunctionProps): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      logGroupName: provisioningLogGroupName(props.identifier, part),
      retention: props.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: props.logRemovalPolicy,
    });
  }

  private acknowledgeFindings(props: ProvisioningFunctionProps): void {
    const stack = Stack.of(this);
    const runsOnDeployOnly = 'it runs only when CloudFormation creates or updates the stack, one request at a time';
    // cdk-nag's L1 compares with the newest Node.js runtime of the aws-cdk-lib the app installs (a consumer's may be
    // newer than ours, e.g. 2.278): the runtime is pinned to the one the bundle targets, and moving is a deliberate change.
    const pinnedRuntime = `${PROVISIONING_RUNTIME.name} is pinned: the bundle targets it (BUNDLE_NODE_TARGET); a newer runtime is adopted deliberately`;
    acknowledge(this.function, {
      'AwsSolutions-L1': pinnedRuntime,
      'HIPAA.Security-LambdaConcurrency': runsOnDeployOnly,
      'HIPAA.Security-LambdaDLQ': 'CloudFormation invokes it synchronously through the Provider framework, which reports a failure to the stack',
    });
    acknowledge(this.function.role!, {
      [awsManagedPolicyFinding('service-role/AWSLambdaBasicExecutionRole')]: 'the AWS-managed policy AWS documents for writing function logs',
      [awsManagedPolicyFinding('service-role/AWSLambdaVPCAccessExecutionRole')]: 'the AWS-managed policy AWS documents for a function in a VPC',
    });
    const defaultPolicy = this.function.role!.node.tryFindChild('DefaultPolicy');
    if (defaultPolicy) {
      acknowledge(defaultPolicy, { 'HIPAA.Security-IAMNoInlinePolicy': "the function's own policy, created with its role and attached to nothing else" });
    }
    const framework = this.provider.node.findChild('framework-onEvent') as lambda.Function;
    acknowledge(framework, {
      'AwsSolutions-L1': "CDK's Provider framework chooses this function's runtime (and updates it with aws-cdk-lib)",
      'HIPAA.Security-LambdaConcurrency': runsOnDeployOnly,
      'HIPAA.Security-LambdaDLQ': 'CloudFormation waits for its answer; a failure fails the stack operation',
      'HIPAA.Security-LambdaInsideVPC': `CDK's Provider framework answers CloudFormation through a pre-signed S3 URL; the function that reaches ${props.identifier} is in the VPC`,
    });
    acknowledge(framework.role!, {
      [awsManagedPolicyFinding('service-role/AWSLambdaBasicExecutionRole')]: 'the AWS-managed policy AWS documents for writing function logs',
      [`AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.function.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`]:
        'CDK grants the framework the handler function and its versions (`:*`) to invoke; nothing else',
    });
    const frameworkPolicy = framework.role!.node.tryFindChild('DefaultPolicy');
    if (frameworkPolicy) {
      acknowledge(frameworkPolicy, { 'HIPAA.Security-IAMNoInlinePolicy': "CDK's Provider framework policy: invoke the handler function only" });
    }
  }
}
