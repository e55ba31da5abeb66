/**
 * What lives inside one RDS instance or Aurora cluster, deployed with it (issue #20, docs/database-access-aws.md):
 * a custom resource that runs the provisioning engine on the declared access, a secret per engine-created password
 * role (rotated by the multi-user rotation), an IAM policy per role for its consumers, and the connection contract.
 */
import { CustomResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { DeclaredAccessInput, DeclaredRoleInput } from './declared-access-input';
import { DatabaseValidationError } from '../../common/database-validation-error';
import type { PathProblem } from '../../common/path-problem';
import { ConnectionContract } from './connection-contract';
import { consumerRoleProblems } from './consumer-role-arns';
import { ProvisioningFunction } from './provisioning-function';
import { RoleSecret } from './role-secret';
import type { AccessEngine } from './tables/access-engines';

/** The custom resource's type name, as the guard and the templates show it. */
export const DATABASE_ACCESS_RESOURCE_TYPE = 'Custom::DatabaseAccess';

export interface DatabaseAccessTarget {
  /** Instance or cluster identifier: names the secrets (`<identifier>/roles/<role>`) and the function. */
  readonly identifier: string;
  readonly engine: AccessEngine;
  /** The writer's endpoint address and port (tokens). */
  readonly host: string;
  readonly port: number;
  /** `DbiResourceId` of an instance or `DbClusterResourceId` of a cluster: IAM authentication names users by it. */
  readonly resourceId: string;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The master secret (RDS-managed or generated); encrypted with `encryptionKey`. */
  readonly masterSecret: secretsmanager.ISecret;
  /** The instance or cluster the role secrets are attached to (host, port, engine fields). */
  readonly attachmentTarget: secretsmanager.ISecretAttachmentTarget;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  /** What must exist before the handler connects: the instance, or the cluster with its writer. */
  readonly readyWhen: IConstruct;
}

export interface DatabaseAccessProps {
  readonly target: DatabaseAccessTarget;
  /** What the engine creates and grants (lib/provisioning/declared-access-of.ts). */
  readonly declared: DeclaredAccessInput;
  /** IAM role ARNs by role name, each of this account. @default - none */
  readonly consumers?: Readonly<Record<string, readonly string[]>>;
  /**
   * The region's key, as a key (not an alias): it encrypts the role secrets and the master secret, and IAM policies
   * name keys by key ARN ("kms:ResourceAliases" aside, an alias ARN in a policy matches no key).
   */
  readonly encryptionKey: kms.IKey;
  /** `/<env>/databases/<name>`: where the connection contract is written. */
  readonly contractPath: string;
  /** @default - none */
  readonly readerEndpoint?: string;
  /** @default - none */
  readonly proxyEndpoint?: string;
  /** Rotation period of the role secrets. @default 30 */
  readonly passwordRotationDays?: number;
  readonly logRetention: logs.RetentionDays;
  /** Of the role secrets. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

const DEFAULT_PASSWORD_ROTATION_DAYS = 30;

export class DatabaseAccess extends Construct {
  /** Shared by the provisioning function and the rotation functions: egress to the database and HTTPS only. */
  readonly securityGroup: ec2.SecurityGroup;
  readonly provisioning: ProvisioningFunction;
  readonly resource: CustomResource;
  /** By role name. */
  readonly roleSecrets: ReadonlyMap<string, RoleSecret>;
  /** By role name: the policy attached to the role's consumers. */
  readonly consumerPolicies: ReadonlyMap<string, iam.ManagedPolicy>;
  readonly contract: ConnectionContract;

  constructor(scope: Construct, id: string, props: DatabaseAccessProps) {
    super(scope, id);
    const { target, declared } = props;
    const stack = Stack.of(this);
    const consumers = props.consumers ?? {};
    validate(this.node.path, props, stack.account);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: target.vpc,
      description: `Provisioning and password rotation functions of ${target.identifier}`,
      allowAllOutbound: false,
    });
    // Security groups as peers (not their ids): CDK then writes the two rules as separate resources, since each group
    // naming the other inline is a circular dependency.
    this.securityGroup.addEgressRule(target.securityGroup, ec2.Port.tcp(target.port), `${target.identifier}`);
    target.securityGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(target.port), `Provisioning and rotation functions of ${target.identifier}`);
    // Secrets Manager's API: through an interface endpoint in the VPC or a NAT route (docs/database-access-aws.md).
    // Secrets Manager publishes no prefix list, so the rule cannot name it more narrowly.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Secrets Manager API (HTTPS)');

    // Imported with its key: the hosted rotation passes the key to the rotation functions (MasterSecretKmsKeyArn).
    const masterSecret = secretsmanager.Secret.fromSecretAttributes(this, 'MasterSecret', {
      secretCompleteArn: target.masterSecret.secretArn,
      encryptionKey: props.encryptionKey,
    });
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const engineCreatedPasswordRoles = declared.roles.filter((role) => role.auth === 'password' && role.createdBy === 'engine');
    this.roleSecrets = new Map(
      engineCreatedPasswordRoles.map((role) => [
        role.name,
        new RoleSecret(this, `Role-${role.name}`, {
          secretName: `${target.identifier}/roles/${role.name}`,
          roleName: role.name,
          engine: target.engine,
          encryptionKey: props.encryptionKey,
          masterSecret,
          attachTo: target.attachmentTarget,
          rotationDays: props.passwordRotationDays ?? DEFAULT_PASSWORD_ROTATION_DAYS,
          vpc: target.vpc,
          subnets: target.subnets,
          securityGroup: this.securityGroup,
          removalPolicy,
        }),
      ]),
    );

    this.provisioning = new ProvisioningFunction(this, 'Provisioning', {
      identifier: target.identifier,
      vpc: target.vpc,
      subnets: target.subnets,
      securityGroup: this.securityGroup,
      logRetention: props.logRetention,
      logKey: props.encryptionKey,
      logRemovalPolicy: removalPolicy,
      readableSecretArns: [target.masterSecret.secretArn, ...[...this.roleSecrets.values()].map((roleSecret) => roleSecret.attached.secretArn)],
      secretsKeyArn: props.encryptionKey.keyArn,
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provisioning.provider.serviceToken,
      resourceType: DATABASE_ACCESS_RESOURCE_TYPE,
      // Deleting the resource never drops roles or databases (the handler does nothing on Delete); keeping the
      // logical resource stops a stack deletion from even asking.
      removalPolicy,
      properties: {
        // A JSON string: CloudFormation turns numbers and booleans inside properties into strings; a string arrives as sent.
        declared: JSON.stringify(declared),
        host: target.host,
        port: String(target.port),
        masterSecretArn: target.masterSecret.secretArn,
        roleSecretArns: Object.fromEntries([...this.roleSecrets].map(([name, roleSecret]) => [name, roleSecret.attached.secretArn])),
        tls: true,
      },
    });
    this.resource.node.addDependency(target.readyWhen);

    this.contract = new ConnectionContract(this, 'Contract', {
      path: props.contractPath,
      entries: {
        endpoint: target.host,
        ...(props.readerEndpoint === undefined ? {} : { 'reader-endpoint': props.readerEndpoint }),
        port: String(target.port),
        engine: target.engine,
        // SSM refuses an empty value: a server without logical databases has no `databases` key.
        ...(declared.databases.length === 0 ? {} : { databases: declared.databases.join(',') }),
        ...(props.proxyEndpoint === undefined ? {} : { 'proxy-endpoint': props.proxyEndpoint }),
        ...Object.fromEntries([...this.roleSecrets].map(([name, roleSecret]) => [`secret-arn/${name}`, roleSecret.attached.secretArn])),
        ...Object.fromEntries(declared.roles.filter((role) => role.auth === 'iam').map((role) => [`iam-user/${role.name}`, role.name])),
      },
    });

    this.consumerPolicies = new Map(
      declared.roles
        .filter((role) => (consumers[role.name] ?? []).length > 0)
        .map((role) => [role.name, this.consumerPolicy(role, consumers[role.name], props)]),
    );
  }

  /** What a role's consumers may do: connect as the role (IAM) or read its secret (password), and read the contract. */
  private consumerPolicy(role: DeclaredRoleInput, consumerArns: readonly string[], props: DatabaseAccessProps): iam.ManagedPolicy {
    const stack = Stack.of(this);
    const statements: iam.PolicyStatement[] = [];
    if (role.auth === 'iam') {
      statements.push(
        new iam.PolicyStatement({
          sid: 'ConnectAsRole',
          actions: ['rds-db:connect'],
          // "Creating and using an IAM policy for IAM database access", Amazon RDS User Guide: dbuser:<resource id>/<user>.
          resources: [`arn:${stack.partition}:rds-db:${stack.region}:${stack.account}:dbuser:${props.target.resourceId}/${role.name}`],
        }),
      );
    }
    const roleSecret = this.roleSecrets.get(role.name);
    if (roleSecret) {
      statements.push(
        new iam.PolicyStatement({ sid: 'ReadRoleSecret', actions: ['secretsmanager:GetSecretValue'], resources: [roleSecret.attached.secretArn] }),
        new iam.PolicyStatement({
          sid: 'DecryptRoleSecret',
          actions: ['kms:Decrypt'],
          resources: [props.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.amazonaws.com` } },
        }),
      );
    }
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadConnectionContract',
        actions: ['ssm:GetParameter', 'ssm:GetParameters'],
        resources: this.contract.parameters.map((parameter) => parameter.parameterArn),
      }),
    );
    const policy = new iam.ManagedPolicy(this, `Consumers-${role.name}`, {
      description: `Consumers of ${props.target.identifier} role ${role.name}: ${role.auth === 'iam' ? 'IAM database authentication' : 'its secret'} and the connection contract`,
      statements,
      roles: consumerArns.map((arn, index) => iam.Role.fromRoleArn(this, `Consumer-${role.name}-${index}`, arn, { mutable: false })),
    });
    return policy;
  }
}

function validate(path: string, props: DatabaseAccessProps, account: string): void {
  const roles = new Set(props.declared.roles.map((role) => role.name));
  const unknown: PathProblem[] = Object.keys(props.consumers ?? {})
    .filter((name) => !roles.has(name))
    .map((name) => ({
      path: ['consumers', name],
      value: name,
      message: `names no declared role (roles: ${[...roles].join(', ') || 'none'})`,
      fix: 'declare the role, or remove its consumers',
    }));
  const aliasKey: PathProblem[] = /:alias\//.test(props.encryptionKey.keyArn)
    ? [{ path: ['encryptionKey'], value: props.encryptionKey.keyArn, message: 'is an alias; IAM policies match keys by key ARN', fix: 'pass the key itself' }]
    : [];
  const problems = [
    ...unknown,
    ...aliasKey,
    ...consumerRoleProblems(
      props.declared.roles.map((role) => ({ roleName: role.name, consumers: props.consumers?.[role.name] ?? [] })),
      account,
    ),
  ];
  if (problems.length > 0) throw new DatabaseValidationError('DatabaseAccess', path, problems);
}
