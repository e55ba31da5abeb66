import { Stack, StackProps } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ElasticacheReplicationGroup, type ElasticacheReplicationGroupProps } from '../../../constructs/aws/elasticache/elasticache-replication-group';
import type { CacheNodeType } from '../../../constructs/aws/elasticache/tables/elasticache-node-types';
import type { ElasticacheClusterPlan, ElasticacheGroupPlan, ElasticacheSecondaryPlan } from '../../plan/plan-types';
import { applyTags } from '../../aws/apply-tags';
import type { RegionResources } from '../../aws/region-resources';
import { REMOVAL_POLICIES } from '../../aws/removal-policy';

export interface ElasticacheClusterStackProps extends StackProps {
  /** The primary group, or a Global Datastore secondary (in its own region). */
  readonly plan: ElasticacheClusterPlan | ElasticacheSecondaryPlan;
  readonly regionResources: RegionResources;
  /** A secondary: the primary's stack, whose global group's id (prefixed by ElastiCache at creation) it reads. */
  readonly primaryStack?: ElasticacheClusterStack;
}

const isSecondary = (plan: ElasticacheClusterPlan | ElasticacheSecondaryPlan): plan is ElasticacheSecondaryPlan => 'primaryStackId' in plan;

/** Plan → construct props for what a primary and a secondary share. */
function groupProps(
  scope: Construct,
  plan: ElasticacheGroupPlan,
  region: RegionResources,
  use: ElasticacheClusterPlan['use'],
): ElasticacheReplicationGroupProps {
  return {
    replicationGroupId: plan.replicationGroupId,
    engine: plan.engine,
    engineVersion: plan.engineVersion,
    nodeType: plan.nodeType as CacheNodeType,
    use,
    clusterMode: plan.clusterMode,
    shards: plan.shards,
    replicasPerShard: plan.replicasPerShard,
    multiAz: plan.multiAz,
    port: plan.port,
    notifyKeyspaceEvents: plan.parameters['notify-keyspace-events'],
    vpc: region.network.vpc,
    subnets: region.network.subnets,
    // The region's key itself (from its foundation stack): ElastiCache's KmsKeyId and CloudWatch Logs take key ARNs.
    encryptionKey: region.logKey,
    allowedCidrs: plan.allowedCidrs,
    preferredMaintenanceWindow: plan.preferredMaintenanceWindow,
    logRetentionDays: plan.logRetentionDays,
    removalPolicy: REMOVAL_POLICIES[plan.removalPolicy],
    alarmTopic: sns.Topic.fromTopicArn(scope, 'AlarmTopic', plan.alarmTopicArn),
    alarms: plan.nodes,
  };
}

/**
 * One replication group per stack. A Global Datastore's primary stack also holds the global group; each secondary has
 * a stack in its region, ordered after the primary's, that reads the global group's id by a cross-region reference
 * (CDK's crossRegionReferences, rendered as Fn::GetStackOutput of the primary's stack).
 */
export class ElasticacheClusterStack extends Stack {
  readonly cache: ElasticacheReplicationGroup;

  constructor(scope: Construct, id: string, props: ElasticacheClusterStackProps) {
    const { plan } = props;
    const global = isSecondary(plan) || plan.global !== undefined;
    super(scope, id, { ...props, crossRegionReferences: global || undefined });
    if (isSecondary(plan)) {
      const primary = props.primaryStack?.cache.globalReplicationGroup;
      if (!primary) throw new Error(`ElastiCache secondary ${plan.replicationGroupId} needs its primary's stack (${plan.primaryStackId}) rendered first`);
      this.cache = new ElasticacheReplicationGroup(this, 'Cache', {
        ...groupProps(this, plan, props.regionResources, props.primaryStack!.cache.use),
        global: { role: 'secondary', globalReplicationGroupId: primary.attrGlobalReplicationGroupId },
      });
    } else {
      this.cache = new ElasticacheReplicationGroup(this, 'Cache', {
        ...groupProps(this, plan, props.regionResources, plan.use),
        snapshotRetentionDays: plan.snapshotRetentionDays,
        snapshotWindow: plan.snapshotWindow,
        authSecretName: plan.authSecretName,
        global: plan.global && { role: 'primary', globalReplicationGroupIdSuffix: plan.global.globalReplicationGroupIdSuffix },
      });
    }
    applyTags(this, plan.tags);
  }
}
