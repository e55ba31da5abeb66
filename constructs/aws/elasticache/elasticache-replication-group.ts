/**
 * An ElastiCache replication group (Valkey or Redis OSS) with safe defaults, from L1s (aws-cdk-lib has no L2):
 * encrypted at rest with a customer key, TLS required (TransitEncryptionEnabled with TransitEncryptionMode
 * `required`), an AUTH token generated into a Secrets Manager secret (never a literal: the template holds a dynamic
 * reference), a subnet group in the given private subnets, a security group admitting only the given CIDR blocks,
 * its own parameter group, Multi-AZ with automatic failover when it has replicas and asks for it, daily snapshots,
 * slow log and engine log in CloudWatch Logs encrypted with the key, and the alarm catalog's alarms per node.
 *
 * `global` makes it part of a Global Datastore: the primary creates the AWS::ElastiCache::GlobalReplicationGroup
 * from itself; a secondary, in a stack of its own region, joins it by the global group's id (which ElastiCache
 * prefixes per region, so it is passed in, not derived) and replicates everything else from the primary.
 */
import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { acknowledge } from '../foundation/compliance-acknowledgements';
import { createDefinitionAlarm } from '../foundation/definition-alarm';
import { keepUnlessDestroyed } from '../foundation/removal';
import type { CloudWatchAlarmDefinition } from '../rds/tables/rds-alarm-definitions';
import { type CacheUse, elasticacheClusterProblems } from './tables/elasticache-cluster-checks';
import { ELASTICACHE_ENGINE_TABLE, type ElasticacheEngine } from './tables/elasticache-engine-table';
import { CACHE_NODE_TYPES, type CacheNodeType } from './tables/elasticache-node-types';
import { elasticacheParameters } from './tables/elasticache-parameters';
import { cacheNodeIds, elasticacheAlarmDefinitions } from './tables/elasticache-alarm-definitions';

/** The two logs ElastiCache delivers for Valkey and Redis OSS 6.2+ ("Log delivery", ElastiCache user guide). */
export const ELASTICACHE_LOG_TYPES = ['slow-log', 'engine-log'] as const;

/** cdk-nag's HIPAA pack asks for 15 days of automatic backups (HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup). */
const HIPAA_BACKUP_DAYS = 15;

export interface ElasticacheReplicationGroupProps {
  /** 1–40 characters, a letter first. */
  readonly replicationGroupId: string;
  /** @default 'valkey' */
  readonly engine?: ElasticacheEngine;
  /** @default - the engine's default version (elasticache-engine-table.ts) */
  readonly engineVersion?: string;
  readonly nodeType: CacheNodeType;
  /** `cache` evicts (allkeys-lru); `store` never evicts (noeviction). */
  readonly use: CacheUse;
  /** @default false */
  readonly clusterMode?: boolean;
  /** @default 1 */
  readonly shards?: number;
  /** @default 1 */
  readonly replicasPerShard?: number;
  /** Multi-AZ with automatic failover; needs a replica per shard. @default true */
  readonly multiAz?: boolean;
  /** @default 6379 */
  readonly port?: number;
  /** `notify-keyspace-events`. @default - none published */
  readonly notifyKeyspaceEvents?: string;
  readonly vpc: ec2.IVpc;
  /** Private subnets of the VPC, in at least two zones for Multi-AZ. */
  readonly subnets: ec2.SubnetSelection;
  /** The customer-managed key: at rest, the AUTH token's secret and the log groups (a key, not an alias: CloudWatch Logs needs its ARN). */
  readonly encryptionKey: kms.IKey;
  /** Client networks the security group admits on the port. @default - none */
  readonly allowedCidrs?: readonly string[];
  /** @default 1 */
  readonly snapshotRetentionDays?: number;
  /** UTC `hh24:mi-hh24:mi`. @default '01:00-02:00' */
  readonly snapshotWindow?: string;
  /** UTC `ddd:hh24:mi-ddd:hh24:mi`. @default 'sun:04:00-sun:05:00' */
  readonly preferredMaintenanceWindow?: string;
  /** @default 30 */
  readonly logRetentionDays?: number;
  /** RETAIN, SNAPSHOT (a final snapshot on deletion) or DESTROY. @default RemovalPolicy.SNAPSHOT */
  readonly removalPolicy?: RemovalPolicy;
  /** @default - no alarm actions */
  readonly alarmTopic?: sns.ITopic;
  /** Per node. @default - the ElastiCache alarm catalog's rows for each node */
  readonly alarms?: ReadonlyArray<{ readonly cacheClusterId: string; readonly alarms: readonly CloudWatchAlarmDefinition[] }>;
  /** @default - `<replicationGroupId>-auth-token` */
  readonly authSecretName?: string;
  /** @default - not part of a Global Datastore */
  readonly global?:
    { readonly role: 'primary'; readonly globalReplicationGroupIdSuffix: string } | { readonly role: 'secondary'; readonly globalReplicationGroupId: string };
}

export class ElasticacheReplicationGroup extends Construct {
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly securityGroup: ec2.SecurityGroup;
  /** The AUTH token (not on a secondary, which replicates the primary's). */
  readonly authSecret?: secretsmanager.Secret;
  readonly globalReplicationGroup?: elasticache.CfnGlobalReplicationGroup;
  readonly logGroups: ReadonlyMap<string, logs.LogGroup>;
  readonly use: CacheUse;

  constructor(scope: Construct, id: string, props: ElasticacheReplicationGroupProps) {
    super(scope, id);
    this.use = props.use;
    const engine = props.engine ?? 'valkey';
    const version = props.engineVersion ?? ELASTICACHE_ENGINE_TABLE[engine]?.defaultVersion;
    const clusterMode = props.clusterMode ?? false;
    const shards = props.shards ?? 1;
    const replicasPerShard = props.replicasPerShard ?? 1;
    const multiAz = props.multiAz ?? true;
    const port = props.port ?? 6379;
    const snapshotRetentionDays = props.snapshotRetentionDays ?? 1;
    const secondary = props.global?.role === 'secondary';
    const problems = elasticacheClusterProblems({
      replicationGroupId: props.replicationGroupId,
      engine,
      version,
      nodeType: props.nodeType,
      clusterMode,
      shards,
      replicasPerShard,
      multiAz,
      snapshotRetentionDays,
      notifyKeyspaceEvents: props.notifyKeyspaceEvents,
      secondaryRegions: [],
    });
    if (problems.length > 0) throw new DatabaseValidationError('ElasticacheReplicationGroup', this.node.path, problems);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.SNAPSHOT;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `ElastiCache ${props.replicationGroupId}: clients from the allowed networks only`,
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedCidrs ?? []) this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `cache clients in ${cidr}`);

    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'SubnetGroup', {
      cacheSubnetGroupName: props.replicationGroupId,
      description: `Private subnets of ${props.replicationGroupId}`,
      subnetIds: props.vpc.selectSubnets(props.subnets).subnetIds,
    });

    this.logGroups = new Map(
      ELASTICACHE_LOG_TYPES.map((type) => [
        type,
        new logs.LogGroup(this, `${type}-group`, {
          logGroupName: `/aws/elasticache/${props.replicationGroupId}/${type}`,
          retention: (props.logRetentionDays ?? 30) as logs.RetentionDays,
          encryptionKey: props.encryptionKey,
          removalPolicy: keepUnlessDestroyed(removalPolicy),
        }),
      ]),
    );
    const logDeliveryConfigurations = ELASTICACHE_LOG_TYPES.map((type) => ({
      logType: type,
      logFormat: 'json',
      destinationType: 'cloudwatch-logs',
      destinationDetails: { cloudWatchLogsDetails: { logGroup: this.logGroups.get(type)!.logGroupName } },
    }));

    const nodeGroups = clusterMode ? { numNodeGroups: shards, replicasPerNodeGroup: replicasPerShard } : { numCacheClusters: 1 + replicasPerShard };
    const encryption = {
      atRestEncryptionEnabled: true,
      kmsKeyId: props.encryptionKey.keyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
    };
    const regional = {
      replicationGroupId: props.replicationGroupId,
      replicationGroupDescription: `${ELASTICACHE_ENGINE_TABLE[engine].displayName} ${props.use} ${props.replicationGroupId}`,
      cacheSubnetGroupName: subnetGroup.cacheSubnetGroupName!,
      securityGroupIds: [this.securityGroup.securityGroupId],
      multiAzEnabled: multiAz,
      automaticFailoverEnabled: multiAz || clusterMode,
      preferredMaintenanceWindow: props.preferredMaintenanceWindow ?? 'sun:04:00-sun:05:00',
      logDeliveryConfigurations,
      ...nodeGroups,
      ...encryption,
    };

    if (props.global?.role === 'secondary') {
      // Engine, version, node type, parameter group, port and AUTH come from the Global Datastore's primary.
      this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
        ...regional,
        globalReplicationGroupId: props.global.globalReplicationGroupId,
      });
      const inherited = "a Global Datastore secondary takes this from its primary (the primary's group sets it)";
      acknowledge(this.replicationGroup, {
        'AwsSolutions-AEC5': inherited,
        'AwsSolutions-AEC6': inherited,
        'HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup': 'a Global Datastore secondary is a copy of the primary, whose daily snapshots are the backup',
      });
    } else {
      const parameterGroup = new elasticache.CfnParameterGroup(this, 'ParameterGroup', {
        cacheParameterGroupFamily: ELASTICACHE_ENGINE_TABLE[engine].parameterGroupFamily(version),
        description: `Parameters of ${props.replicationGroupId} (${props.use})`,
        properties: elasticacheParameters({ use: props.use, clusterMode, notifyKeyspaceEvents: props.notifyKeyspaceEvents }),
      });
      parameterGroup.applyRemovalPolicy(keepUnlessDestroyed(removalPolicy));
      this.authSecret = new secretsmanager.Secret(this, 'AuthToken', {
        secretName: props.authSecretName ?? `${props.replicationGroupId}-auth-token`,
        description: `AUTH token of ElastiCache ${props.replicationGroupId}`,
        encryptionKey: props.encryptionKey,
        // AUTH tokens: 16–128 printable characters without @ " / (CreateReplicationGroup, AuthToken): letters and digits only.
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        removalPolicy: keepUnlessDestroyed(removalPolicy),
      });
      const noRotation =
        'rotating an AUTH token needs a rotation function that calls ModifyReplicationGroup with AuthTokenUpdateStrategy ROTATE then SET; not provided yet (docs/elasticache.md)';
      acknowledge(this.authSecret, { 'AwsSolutions-SMG4': noRotation, 'HIPAA.Security-SecretsManagerRotationEnabled': noRotation });
      this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
        ...regional,
        engine,
        engineVersion: version,
        cacheNodeType: props.nodeType,
        cacheParameterGroupName: parameterGroup.ref,
        port,
        authToken: SecretValue.secretsManager(this.authSecret.secretArn).unsafeUnwrap(),
        snapshotRetentionLimit: snapshotRetentionDays,
        snapshotWindow: props.snapshotWindow ?? '01:00-02:00',
      });
      // Adding or removing shards is then an online resharding; without the policy CloudFormation replaces the group
      // (a new, empty cache) when NumNodeGroups changes.
      if (clusterMode) this.replicationGroup.cfnOptions.updatePolicy = { useOnlineResharding: true };
      if (snapshotRetentionDays < HIPAA_BACKUP_DAYS) {
        acknowledge(this.replicationGroup, {
          'HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup': `snapshots kept ${snapshotRetentionDays} d by the environment's tier or an explicit setting; policy rule backup-retention requires 7 in staging and production`,
        });
      }
      if (props.global?.role === 'primary') {
        this.globalReplicationGroup = new elasticache.CfnGlobalReplicationGroup(this, 'GlobalReplicationGroup', {
          globalReplicationGroupIdSuffix: props.global.globalReplicationGroupIdSuffix,
          globalReplicationGroupDescription: `Global Datastore of ${props.replicationGroupId}`,
          members: [{ replicationGroupId: this.replicationGroup.ref, replicationGroupRegion: this.replicationGroup.stack.region, role: 'PRIMARY' }],
        });
        // aws-cdk-lib 2.276 treats the global group as taggable, but cfn-lint 1.51.0's resource schema has no Tags
        // for it (E3002): stack tags are left off it.
        this.globalReplicationGroup.addPropertyDeletionOverride('Tags');
        this.globalReplicationGroup.applyRemovalPolicy(removalPolicy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);
      }
    }
    if (!multiAz) {
      acknowledge(this.replicationGroup, {
        'AwsSolutions-AEC4': "single-AZ by the environment's tier or an explicit setting; policy rule high-availability requires Multi-AZ in production",
      });
    }
    for (const group of this.logGroups.values()) this.replicationGroup.node.addDependency(group);
    this.replicationGroup.applyRemovalPolicy(removalPolicy);

    const alarms =
      props.alarms ??
      cacheNodeIds(props.replicationGroupId, clusterMode, shards, 1 + replicasPerShard).flatMap((shard) =>
        shard.map((cacheClusterId, index) => ({
          cacheClusterId,
          alarms: elasticacheAlarmDefinitions(cacheClusterId, {
            role: secondary ? (index === 0 ? 'secondary-primary' : 'secondary-replica') : index === 0 ? 'primary' : 'replica',
            use: props.use,
            ...CACHE_NODE_TYPES[props.nodeType],
          }),
        })),
      );
    for (const node of alarms) {
      for (const definition of node.alarms) {
        createDefinitionAlarm(this, `Alarm-${definition.alarmName}`, definition, props.alarmTopic).node.addDependency(this.replicationGroup);
      }
    }
  }
}
