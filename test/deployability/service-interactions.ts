/**
 * The service-to-service requests a synthesized AWS environment relies on once deployed, each with the policies that
 * decide it. Read across resources: an alarm and the topic it notifies, the topic and its key, a log group and the key
 * it names, a database and the key it is created with (in its own region), a role and the service that assumes it.
 */
import { describeResource, EnvironmentTemplates, ResourceRef, StackTemplate } from './template-values';

export interface Interaction {
  /** e.g. `alarm → topic`. */
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly principal: string;
  readonly actions: readonly string[];
  readonly resourceArn: string;
  readonly account: string;
  readonly context: Readonly<Record<string, string | string[]>>;
  /** The resource policy that decides (topic policy, key policy, trust policy). */
  readonly resourcePolicy?: any;
  readonly resourcePolicyName: string;
  /** Identity policies of the calling principal (a role of ours, or the deploying role's administrator access). */
  readonly identityPolicies: ReadonlyArray<{ name: string; policy: any }>;
}

/** A reference that can never work, found while enumerating (e.g. a key in another region). */
export interface BrokenReference {
  readonly from: string;
  readonly problem: string;
}

/** The role CloudFormation deploys with (the CDK bootstrap's execution role, administrator access by default). */
const deployingRole = (stack: StackTemplate) => `arn:aws:iam::${stack.account}:role/cdk-hnb659fds-cfn-exec-role-${stack.account}-${stack.region}`;
const ADMINISTRATOR_ACCESS = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

/** Where a topic's publishers come from: the resources that name it, with the service that publishes for them. */
const PUBLISHERS: ReadonlyArray<{ type: string; kind: string; principal: string; topicArns: (p: any) => any[] }> = [
  {
    type: 'AWS::CloudWatch::Alarm',
    kind: 'alarm → topic',
    principal: 'cloudwatch.amazonaws.com',
    topicArns: (p) => [...(p.AlarmActions ?? []), ...(p.OKActions ?? []), ...(p.InsufficientDataActions ?? [])],
  },
  {
    type: 'AWS::Events::Rule',
    kind: 'EventBridge rule → topic',
    principal: 'events.amazonaws.com',
    topicArns: (p) => (p.Targets ?? []).map((t: any) => t.Arn),
  },
  {
    type: 'AWS::Backup::BackupVault',
    kind: 'backup vault notifications → topic',
    principal: 'backup.amazonaws.com',
    topicArns: (p) => (p.Notifications ? [p.Notifications.SNSTopicArn] : []),
  },
];

/** Resources created with a customer key, by the service that uses the key on the deploying role's behalf. */
const KEY_USERS: ReadonlyArray<{ type: string; service: string; keys: (p: any) => any[] }> = [
  { type: 'AWS::RDS::DBInstance', service: 'rds', keys: (p) => [p.KmsKeyId, p.PerformanceInsightsKMSKeyId] },
  { type: 'AWS::RDS::DBCluster', service: 'rds', keys: (p) => [p.KmsKeyId, p.PerformanceInsightsKmsKeyId] },
  { type: 'AWS::SecretsManager::Secret', service: 'secretsmanager', keys: (p) => [p.KmsKeyId] },
  { type: 'AWS::Backup::BackupVault', service: 'backup', keys: (p) => [p.EncryptionKeyArn] },
  { type: 'AWS::SNS::Topic', service: 'sns', keys: (p) => [p.KmsMasterKeyId] },
];

/** Roles that AWS services assume, named by the resources that use them. */
const ASSUMED_ROLES: ReadonlyArray<{ type: string; principal: string; roleArn: (p: any) => any }> = [
  { type: 'AWS::RDS::DBInstance', principal: 'monitoring.rds.amazonaws.com', roleArn: (p) => p.MonitoringRoleArn },
  { type: 'AWS::RDS::DBCluster', principal: 'monitoring.rds.amazonaws.com', roleArn: (p) => p.MonitoringRoleArn },
  { type: 'AWS::Backup::BackupSelection', principal: 'backup.amazonaws.com', roleArn: (p) => p.BackupSelection?.IamRoleArn },
  { type: 'AWS::RDS::DBProxy', principal: 'rds.amazonaws.com', roleArn: (p) => p.RoleArn },
];

export function serviceInteractions(env: EnvironmentTemplates): { interactions: Interaction[]; broken: BrokenReference[] } {
  const interactions: Interaction[] = [];
  const broken: BrokenReference[] = [];
  const topics = env.resourcesOfType('AWS::SNS::Topic');
  const keys = env.resourcesOfType('AWS::KMS::Key');
  const roles = env.resourcesOfType('AWS::IAM::Role');

  const keyPolicy = (key: ResourceRef) => env.resolve(key.stack, key.resource.Properties.KeyPolicy);
  const topicPolicy = (topic: ResourceRef) => {
    const arn = env.arn(topic);
    const policy = env.resourcesOfType('AWS::SNS::TopicPolicy').find((p) => env.resolve(p.stack, p.resource.Properties.Topics).includes(arn));
    return policy && { ref: policy, document: env.resolve(policy.stack, policy.resource.Properties.PolicyDocument) };
  };

  /** The key a reference names (key ARN, key id, alias ARN or alias name), in the region the caller runs in. */
  const findKey = (reference: string, region: string): { key?: ResourceRef; viaAlias: boolean; problem?: string } => {
    const aliasMatch = /^(?:arn:aws:kms:([^:]+):\d+:)?(alias\/.+)$/.exec(reference);
    if (aliasMatch) {
      const aliasRegion = aliasMatch[1] ?? region;
      if (aliasRegion !== region)
        return { viaAlias: true, problem: `names key ${reference} in ${aliasRegion}, but is created in ${region}: a key must be in the resource's region` };
      const alias = env
        .resourcesOfType('AWS::KMS::Alias')
        .find((a) => a.stack.region === region && env.resolve(a.stack, a.resource.Properties.AliasName) === aliasMatch[2]);
      if (!alias) return { viaAlias: true, problem: `names ${aliasMatch[2]} in ${region}, which no stack of the environment creates` };
      const target = env.resolve(alias.stack, alias.resource.Properties.TargetKeyId);
      return { key: keys.find((k) => k.stack.region === region && (env.arn(k) === target || env.physicalName(k) === target)), viaAlias: true };
    }
    const key = keys.find((k) => env.arn(k) === reference || env.physicalName(k) === reference);
    if (!key) return { viaAlias: false, problem: `names key ${reference}, which no stack of the environment creates` };
    if (key.stack.region !== region) return { viaAlias: false, problem: `names key ${reference} in ${key.stack.region}, but is created in ${region}` };
    return { key, viaAlias: false };
  };

  // 1. Alarms, rules and vault notifications publish to topics, and through the topic's key.
  for (const publisher of PUBLISHERS) {
    for (const source of env.resourcesOfType(publisher.type)) {
      const sourceArn = env.arn(source);
      for (const topicArn of publisher.topicArns(env.resolve(source.stack, source.resource.Properties))) {
        if (!String(topicArn).startsWith('arn:aws:sns:')) continue;
        const topic = topics.find((t) => env.arn(t) === topicArn);
        if (!topic) {
          broken.push({ from: describeResource(source), problem: `notifies ${topicArn}, which no stack of the environment creates` });
          continue;
        }
        const policy = topicPolicy(topic);
        interactions.push({
          kind: publisher.kind,
          from: describeResource(source),
          to: describeResource(topic),
          principal: publisher.principal,
          actions: ['sns:Publish'],
          resourceArn: topicArn,
          account: topic.stack.account,
          context: { 'aws:SourceAccount': source.stack.account, 'aws:SourceArn': sourceArn, 'aws:SecureTransport': 'true' },
          // No topic policy: SNS's default policy lets the owning account's services publish.
          resourcePolicy: policy?.document ?? defaultTopicPolicy(topicArn, topic.stack.account),
          resourcePolicyName: policy ? describeResource(policy.ref) : 'SNS default topic policy',
          identityPolicies: [],
        });
        const keyReference = topic.resource.Properties.KmsMasterKeyId && env.resolve(topic.stack, topic.resource.Properties.KmsMasterKeyId);
        if (!keyReference) continue;
        const { key, problem } = findKey(keyReference, topic.stack.region);
        if (!key) {
          broken.push({ from: describeResource(topic), problem: problem! });
          continue;
        }
        interactions.push({
          kind: `${publisher.kind} key`,
          from: describeResource(source),
          to: describeResource(key),
          principal: publisher.principal,
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resourceArn: env.arn(key),
          account: key.stack.account,
          // Only what SNS itself puts on the request: EventBridge, for one, passes no source keys to KMS.
          context: { 'kms:EncryptionContext:aws:sns:topicArn': topicArn },
          resourcePolicy: keyPolicy(key),
          resourcePolicyName: `key policy of ${describeResource(key)}`,
          identityPolicies: [],
        });
      }
    }
  }

  // 2. CloudWatch Logs encrypts each log group with the key it names (a key ARN: Logs takes no alias).
  for (const group of env.resourcesOfType('AWS::Logs::LogGroup')) {
    const reference = group.resource.Properties?.KmsKeyId && env.resolve(group.stack, group.resource.Properties.KmsKeyId);
    if (!reference) continue;
    const { key, viaAlias, problem } = findKey(reference, group.stack.region);
    if (viaAlias) broken.push({ from: describeResource(group), problem: `names ${reference}: CloudWatch Logs takes a key ARN, not an alias` });
    if (!key) {
      if (!viaAlias) broken.push({ from: describeResource(group), problem: problem! });
      continue;
    }
    const name = env.physicalName(group);
    interactions.push({
      kind: 'log group → key',
      from: describeResource(group),
      to: describeResource(key),
      principal: `logs.${group.stack.region}.amazonaws.com`,
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      resourceArn: env.arn(key),
      account: key.stack.account,
      context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${group.stack.region}:${group.stack.account}:log-group:${name}` },
      resourcePolicy: keyPolicy(key),
      resourcePolicyName: `key policy of ${describeResource(key)}`,
      identityPolicies: [],
    });
  }

  // 3. Databases, secrets, vaults and topics are created with a key of their region, through the deploying role.
  const keyUse = (source: ResourceRef, service: string, reference: string, region: string) => {
    const { key, problem } = findKey(reference, region);
    if (!key) {
      broken.push({ from: describeResource(source), problem: problem! });
      return;
    }
    interactions.push({
      kind: `${service} → key`,
      from: describeResource(source),
      to: describeResource(key),
      principal: deployingRole(source.stack),
      actions: ['kms:CreateGrant', 'kms:DescribeKey', 'kms:Decrypt', 'kms:GenerateDataKey'],
      resourceArn: env.arn(key),
      account: key.stack.account,
      context: { 'kms:ViaService': `${service}.${region}.amazonaws.com`, 'kms:GrantIsForAWSResource': 'true' },
      resourcePolicy: keyPolicy(key),
      resourcePolicyName: `key policy of ${describeResource(key)}`,
      identityPolicies: [ADMINISTRATOR_ACCESS],
    });
  };
  for (const user of KEY_USERS) {
    for (const source of env.resourcesOfType(user.type)) {
      for (const reference of user.keys(source.resource.Properties ?? {})) {
        if (reference !== undefined) keyUse(source, user.service, env.resolve(source.stack, reference), source.stack.region);
      }
    }
  }
  // A global table's replicas each use a key of their own region.
  for (const table of env.resourcesOfType('AWS::DynamoDB::GlobalTable')) {
    for (const replica of table.resource.Properties.Replicas ?? []) {
      const reference = replica.SSESpecification?.KMSMasterKeyId;
      if (reference !== undefined) keyUse(table, 'dynamodb', env.resolve(table.stack, reference), replica.Region);
    }
  }

  // 4. Services assume the roles they are given.
  for (const assumed of ASSUMED_ROLES) {
    for (const source of env.resourcesOfType(assumed.type)) {
      const reference = assumed.roleArn(source.resource.Properties ?? {});
      if (reference === undefined) continue;
      const roleArn = env.resolve(source.stack, reference);
      const role = roles.find((r) => env.arn(r) === roleArn);
      if (!role) {
        broken.push({ from: describeResource(source), problem: `uses role ${roleArn}, which no stack of the environment creates` });
        continue;
      }
      interactions.push({
        kind: 'service → role',
        from: describeResource(source),
        to: describeResource(role),
        principal: assumed.principal,
        actions: ['sts:AssumeRole'],
        resourceArn: roleArn,
        account: role.stack.account,
        context: {},
        resourcePolicy: env.resolve(role.stack, role.resource.Properties.AssumeRolePolicyDocument),
        resourcePolicyName: `trust policy of ${describeResource(role)}`,
        identityPolicies: [],
      });
    }
  }
  return { interactions, broken };
}

/** SNS's default topic policy: the owning account's principals may publish (the documented default access policy). */
function defaultTopicPolicy(topicArn: string, account: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:Publish', Resource: topicArn, Condition: { StringEquals: { 'AWS:SourceOwner': account } } },
    ],
  };
}
