import { Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AuroraCluster, AuroraClusterProps } from '../../../constructs/aws/aurora/aurora-cluster';
import type { AuroraEngine } from '../../../constructs/aws/aurora/tables/aurora-engine-table';
import type { AuroraClusterCommonPlan, AuroraClusterPlan, AuroraSecondaryPlan } from '../../plan/plan-types';
import { applyTags } from '../../aws/apply-tags';
import type { RegionResources } from '../../aws/region-resources';
import { REMOVAL_POLICIES } from '../../aws/removal-policy';
import { DatabaseAccess } from '../../../constructs/aws/database-access/database-access';
import { accessWiringOf, databaseAccessProps } from '../database-access-wiring';

export interface AuroraClusterStackProps extends StackProps {
  /** The primary cluster, or a secondary cluster of a global database (in its own region). */
  readonly plan: AuroraClusterPlan | AuroraSecondaryPlan;
  readonly regionResources: RegionResources;
}

/** Plan → construct props for what a primary and a secondary cluster share. */
function commonProps(scope: Construct, plan: AuroraClusterCommonPlan, region: RegionResources): AuroraClusterProps {
  return {
    clusterIdentifier: plan.clusterIdentifier,
    engine: plan.engine as AuroraEngine,
    engineVersion: plan.engineVersion,
    instanceClass: plan.capacity.mode === 'provisioned' ? plan.capacity.instanceClass : undefined,
    serverlessV2:
      plan.capacity.mode === 'serverless-v2'
        ? { minCapacity: plan.capacity.minCapacity, maxCapacity: plan.capacity.maxCapacity, autoPauseMinutes: plan.capacity.autoPauseMinutes }
        : undefined,
    instances: plan.instances.map((i) => ({
      identifier: i.identifier,
      promotionTier: i.promotionTier,
      availabilityZone: i.availabilityZone,
      alarms: i.alarms,
    })),
    vpc: region.network.vpc,
    subnets: region.network.subnets,
    // The key by its deterministic alias: RDS takes the alias ARN, so no cross-stack (or cross-region) reference.
    encryptionKey: kms.Alias.fromAliasName(scope, 'EncryptionKey', plan.keyAlias),
    logEncryptionKey: region.logKey,
    alarmTopic: sns.Topic.fromTopicArn(scope, 'AlarmTopic', plan.alarmTopicArn),
    port: plan.port,
    allowedCidrs: plan.allowedCidrs,
    allowedSecurityGroupIds: plan.allowedSecurityGroupIds,
    clusterParameters: plan.clusterParameters,
    instanceParameters: plan.instanceParameters,
    clusterAlarms: plan.clusterAlarms,
    deletionProtection: plan.deletionProtection,
    removalPolicy: REMOVAL_POLICIES[plan.removalPolicy],
    backupRetentionDays: plan.backupRetentionDays,
    preferredBackupWindow: plan.preferredBackupWindow,
    preferredMaintenanceWindow: plan.preferredMaintenanceWindow,
    databaseInsightsMode: plan.observability.databaseInsightsMode,
    performanceInsightsRetentionDays: plan.observability.performanceInsightsRetentionDays,
    monitoringIntervalSeconds: plan.observability.monitoringIntervalSeconds,
    logExports: plan.observability.logExports,
    logRetentionDays: plan.observability.logRetentionDays,
  };
}

const isSecondary = (plan: AuroraClusterPlan | AuroraSecondaryPlan): plan is AuroraSecondaryPlan => 'globalClusterIdentifier' in plan;

/**
 * One Aurora cluster per stack. A global database's primary stack also holds the AWS::RDS::GlobalCluster; each
 * secondary cluster has a stack in its region that the stage orders after the primary's (plain `cdk deploy`).
 */
export class AuroraClusterStack extends Stack {
  readonly database: AuroraCluster;
  /** A secondary cluster of a global database (in its own region), not a primary. */
  readonly isSecondary: boolean;
  /** Roles, grants and the connection contract (primary clusters of PostgreSQL and MySQL engines). */
  readonly access?: DatabaseAccess;

  constructor(scope: Construct, id: string, props: AuroraClusterStackProps) {
    super(scope, id, props);
    const { plan } = props;
    this.isSecondary = isSecondary(plan);
    const common = commonProps(this, plan, props.regionResources);
    this.database = new AuroraCluster(
      this,
      'Database',
      isSecondary(plan)
        ? { ...common, global: { role: 'secondary', globalClusterIdentifier: plan.globalClusterIdentifier } }
        : {
            ...common,
            databaseName: plan.databaseName,
            credentials: plan.credentials.mode,
            passwordRotationDays: plan.credentials.rotationDays,
            backtrackHours: plan.recovery.backtrackHours,
            global: plan.global && { role: 'primary', globalClusterIdentifier: plan.global.globalClusterIdentifier },
          },
    );
    const wiring = isSecondary(plan) ? undefined : accessWiringOf(plan, props.regionResources);
    if (wiring) {
      const db = this.database;
      this.access = new DatabaseAccess(
        this,
        'Access',
        databaseAccessProps(
          this,
          wiring,
          {
            identifier: plan.clusterIdentifier,
            host: db.cluster.clusterEndpoint.hostname,
            port: db.port,
            resourceId: db.cluster.clusterResourceIdentifier,
            securityGroup: db.securityGroup,
            masterSecret: db.masterSecret!,
            attachmentTarget: db.cluster,
            vpc: props.regionResources.network.vpc,
            subnets: props.regionResources.network.subnets,
            // The cluster construct holds its instances: the writer must be up before the handler connects.
            readyWhen: db.cluster,
          },
          { readerEndpoint: db.cluster.clusterReadEndpoint.hostname },
        ),
      );
    }
    applyTags(this, plan.tags);
  }
}
