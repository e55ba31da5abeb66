import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ElasticacheReplicationGroup, type ElasticacheReplicationGroupProps } from '../../constructs/aws/elasticache/elasticache-replication-group';
import { DatabaseValidationError } from '../../constructs/common/database-validation-error';
import { onlyResource, testStack } from './support';

/** GIVEN a stack in eu-west-1 with a VPC, a key and a topic, WHEN an ElasticacheReplicationGroup is added with these props. */
function synthCache(overrides: Partial<ElasticacheReplicationGroupProps> = {}) {
  const { stack, vpc } = testStack();
  const key = new kms.Key(stack, 'Key');
  const cache = new ElasticacheReplicationGroup(stack, 'Cache', {
    replicationGroupId: 'test-sessions',
    nodeType: 'cache.r7g.large',
    use: 'cache',
    vpc,
    subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    encryptionKey: key,
    allowedCidrs: ['10.0.0.0/16'],
    alarmTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:test-database-alarms'),
    ...overrides,
  });
  return { stack, cache, key, template: Template.fromStack(stack) };
}

describe('ElasticacheReplicationGroup defaults', () => {
  const { template, stack, key } = synthCache();
  const group = onlyResource(template, 'AWS::ElastiCache::ReplicationGroup');

  test('Valkey 8.2, a primary and a replica, Multi-AZ with automatic failover, encrypted at rest with the key, TLS required', () => {
    expect(group.Properties).toMatchObject({
      Engine: 'valkey',
      EngineVersion: '8.2',
      CacheNodeType: 'cache.r7g.large',
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
      AtRestEncryptionEnabled: true,
      KmsKeyId: stack.resolve(key.keyArn),
      TransitEncryptionEnabled: true,
      TransitEncryptionMode: 'required',
      Port: 6379,
      SnapshotRetentionLimit: 1,
    });
    expect(group.DeletionPolicy).toBe('Snapshot');
  });

  test('the AUTH token is a dynamic reference to a generated secret encrypted with the key, never a literal', () => {
    expect(JSON.stringify(group.Properties.AuthToken)).toMatch(/\{\{resolve:secretsmanager:/);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'test-sessions-auth-token',
      KmsKeyId: stack.resolve(key.keyArn),
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
    });
  });

  test('the security group admits only the allowed networks on the port, and nothing out', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 6379, ToPort: 6379, IpProtocol: 'tcp' })],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('its own parameter group evicts for a cache; subnet group in the given subnets', () => {
    template.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
      CacheParameterGroupFamily: 'valkey8',
      Properties: { 'maxmemory-policy': 'allkeys-lru', 'cluster-enabled': 'no' },
    });
    template.hasResourceProperties('AWS::ElastiCache::SubnetGroup', {
      CacheSubnetGroupName: 'test-sessions',
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
    });
  });

  test('slow log and engine log go to log groups encrypted with the key', () => {
    for (const type of ['slow-log', 'engine-log']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: `/aws/elasticache/test-sessions/${type}`, KmsKeyId: stack.resolve(key.keyArn) });
    }
    expect(group.Properties.LogDeliveryConfigurations.map((c: { LogType: string }) => c.LogType)).toEqual(['slow-log', 'engine-log']);
  });

  test('alarms per node from the catalog, the replica also on replication lag, host CPU on a 2-vCPU node', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a: any) => a.Properties.AlarmName);
    expect(names).toContain('test-sessions-001-engine-cpu-critical');
    expect(names).toContain('test-sessions-001-host-cpu-critical');
    expect(names).toContain('test-sessions-002-replication-lag');
    expect(names).not.toContain('test-sessions-001-replication-lag');
    expect(names.some((n: string) => n.includes('global-replication-lag'))).toBe(false);
  });
});

describe('ElasticacheReplicationGroup options', () => {
  test('a store never evicts; keyspace events only when asked; cluster mode splits over shards', () => {
    const { template } = synthCache({ use: 'store', notifyKeyspaceEvents: 'Ex', clusterMode: true, shards: 3, replicasPerShard: 2 });
    template.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
      Properties: { 'maxmemory-policy': 'noeviction', 'cluster-enabled': 'yes', 'notify-keyspace-events': 'Ex' },
    });
    const group = onlyResource(template, 'AWS::ElastiCache::ReplicationGroup');
    expect(group.Properties).toMatchObject({ NumNodeGroups: 3, ReplicasPerNodeGroup: 2 });
    expect(group.Properties.NumCacheClusters).toBeUndefined();
    // Adding shards later is an online resharding, not a replacement (lib/guard/conditional-updates.ts).
    expect(group.UpdatePolicy).toEqual({ UseOnlineResharding: true });
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a: any) => a.Properties.AlarmName);
    expect(names).toContain('test-sessions-0003-003-replication-lag');
  });

  test('removal policy RETAIN keeps the group; a Global Datastore primary creates the global group', () => {
    const { template } = synthCache({ removalPolicy: RemovalPolicy.RETAIN, global: { role: 'primary', globalReplicationGroupIdSuffix: 'test-sessions' } });
    expect(onlyResource(template, 'AWS::ElastiCache::ReplicationGroup').DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::ElastiCache::GlobalReplicationGroup', {
      GlobalReplicationGroupIdSuffix: 'test-sessions',
      Members: [Match.objectLike({ Role: 'PRIMARY', ReplicationGroupRegion: 'eu-west-1' })],
    });
  });

  test('a secondary joins by the global id and creates no secret or parameter group of its own', () => {
    const { template } = synthCache({ global: { role: 'secondary', globalReplicationGroupId: 'abcde-test-sessions' } });
    const group = onlyResource(template, 'AWS::ElastiCache::ReplicationGroup');
    expect(group.Properties).toMatchObject({ GlobalReplicationGroupId: 'abcde-test-sessions', TransitEncryptionEnabled: true, AtRestEncryptionEnabled: true });
    expect(group.Properties.AuthToken).toBeUndefined();
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    template.resourceCountIs('AWS::ElastiCache::ParameterGroup', 0);
  });

  test('bad props throw DatabaseValidationError with every problem, worded as the config rule words them', () => {
    expect(() => synthCache({ replicasPerShard: 6, shards: 2 })).toThrow(
      new DatabaseValidationError('ElasticacheReplicationGroup', 'Test/Cache', [
        {
          path: ['shards'],
          value: 2,
          message: 'must be 1 with cluster mode disabled (one primary and its replicas hold all the data)',
          fix: 'set clusterMode: true to split the data over shards, or remove shards',
        },
        { path: ['replicasPerShard'], value: 6, message: "must be from 0 to 5 (ElastiCache's limit of replicas per shard)", fix: 'choose from 0 to 5' },
      ]).message,
    );
  });
});
