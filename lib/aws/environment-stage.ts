import { Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { applyTags } from './apply-tags';
import { AuroraClusterStack } from '../kinds/aurora-cluster/aurora-cluster-stack';
import { acknowledgeReplicaBackups, applyBackupMembership, SECONDARY_CLUSTER_REASON } from './backup-membership';
import type { EnvironmentPlan } from '../plan/plan-types';
import { DashboardStack } from './dashboard-stack';
import { DynamodbTableStack } from '../kinds/dynamodb-table/dynamodb-table-stack';
import { FoundationStack } from './foundation-stack';
import { RdsInstanceStack } from '../kinds/rds-instance/rds-instance-stack';
import { RdsReplicaStack } from '../kinds/rds-instance/rds-replica-stack';
import { addStackLimitChecks } from './stack-limits';

/**
 * One Stage per environment, with the environment name as its id: `cdk deploy 'prod/*'` deploys exactly one
 * environment. Inside: a foundation stack per region (key, topic, network, backup vault and plans), a stack per
 * database, a stack per cross-region RDS replica (in its region, after its source), and a dashboard stack per region
 * with databases.
 */
export class EnvironmentStage extends Stage {
  readonly foundations: ReadonlyMap<string, FoundationStack>;
  readonly rdsInstances: readonly RdsInstanceStack[];
  readonly rdsReplicas: readonly RdsReplicaStack[];
  readonly auroraClusters: readonly AuroraClusterStack[];
  /** Secondary clusters of Aurora global databases, each in its region. */
  readonly auroraSecondaries: readonly AuroraClusterStack[];
  readonly dynamodbTables: readonly DynamodbTableStack[];
  readonly dashboards: readonly DashboardStack[];

  constructor(scope: Construct, plan: EnvironmentPlan) {
    super(scope, plan.environment);
    const aws = plan.aws;
    if (!aws) throw new Error(`Environment '${plan.environment}' has no AWS section; create a Stage only for AWS environments`);
    const protect = plan.tier === 'production';
    const env = (region: string) => ({ account: aws.account, region });

    const foundations = new Map<string, FoundationStack>();
    for (const region of aws.regions) {
      foundations.set(region.region, new FoundationStack(this, region.stackId, {
        stackName: region.stackName,
        description: `Databases foundation of ${plan.environment} in ${region.region}: KMS key, alarm topic, network, backup vault`,
        env: env(region.region),
        terminationProtection: protect,
        region,
      }));
    }
    this.foundations = foundations;
    const regionResources = (region: string) => {
      const foundation = foundations.get(region)!;
      return { network: foundation.network, logKey: foundation.foundation.key };
    };

    const replicas: RdsReplicaStack[] = [];
    this.rdsInstances = aws.rdsInstances.map((instance) => {
      const stack = new RdsInstanceStack(this, instance.stackId, {
        stackName: instance.stackName,
        description: `RDS ${instance.engine} ${instance.engineVersion} instance ${instance.identifier}`,
        env: env(instance.region),
        terminationProtection: protect,
        plan: instance,
        regionResources: regionResources(instance.region),
      });
      // The key alias and topic are named, not referenced: order the deployment explicitly.
      stack.addStackDependency(foundations.get(instance.region)!);
      for (const replica of instance.replicas) {
        if (!replica.stack) continue;
        const replicaStack = new RdsReplicaStack(this, replica.stack.stackId, {
          stackName: replica.stack.stackName,
          description: `Cross-region read replica ${replica.identifier} of ${instance.identifier}`,
          env: env(replica.region),
          terminationProtection: protect,
          plan: replica,
          allocatedStorageGiB: instance.allocatedStorageGiB,
          regionResources: regionResources(replica.region),
        });
        // The source is named by ARN and the key by alias: both must exist before the replica.
        replicaStack.addStackDependency(stack);
        replicaStack.addStackDependency(foundations.get(replica.region)!);
        replicas.push(replicaStack);
      }
      return stack;
    });
    this.rdsReplicas = replicas;

    const secondaries: AuroraClusterStack[] = [];
    this.auroraClusters = aws.auroraClusters.map((cluster) => {
      const stack = new AuroraClusterStack(this, cluster.stackId, {
        stackName: cluster.stackName,
        description: `Aurora ${cluster.engine} ${cluster.engineVersion} cluster ${cluster.clusterIdentifier}${cluster.global ? ' (primary of a global database)' : ''}`,
        env: env(cluster.region),
        terminationProtection: protect,
        plan: cluster,
        regionResources: regionResources(cluster.region),
      });
      stack.addStackDependency(foundations.get(cluster.region)!);
      for (const secondary of cluster.global?.secondaries ?? []) {
        const secondaryStack = new AuroraClusterStack(this, secondary.stackId, {
          stackName: secondary.stackName,
          description: `Aurora secondary cluster ${secondary.clusterIdentifier} of global database ${secondary.globalClusterIdentifier}`,
          env: env(secondary.region),
          terminationProtection: protect,
          plan: secondary,
          regionResources: regionResources(secondary.region),
        });
        // The global cluster is named, not referenced, and the key by alias: both must exist first.
        secondaryStack.addStackDependency(stack);
        secondaryStack.addStackDependency(foundations.get(secondary.region)!);
        secondaries.push(secondaryStack);
      }
      return stack;
    });
    this.auroraSecondaries = secondaries;

    this.dynamodbTables = aws.dynamodbTables.map((table) => {
      const stack = new DynamodbTableStack(this, table.stackId, {
        stackName: table.stackName,
        description: `DynamoDB table ${table.tableName}${table.replicas.length > 0 ? ` with replicas in ${table.replicas.map((r) => r.region).join(', ')}` : ''}`,
        env: env(table.region),
        terminationProtection: protect,
        plan: table,
      });
      // Each replica needs its region's key alias before it is created.
      for (const region of [table.region, ...table.replicas.map((r) => r.region)]) stack.addStackDependency(foundations.get(region)!);
      return stack;
    });

    this.dashboards = aws.dashboards.map((dashboard) => new DashboardStack(this, dashboard.stackId, {
      stackName: dashboard.stackName,
      description: `Database dashboard of ${plan.environment} in ${dashboard.region}`,
      env: env(dashboard.region),
      terminationProtection: protect,
      plan: dashboard,
    }));

    // Database stacks carry the tag their region's backup plan selects (see lib/plan/backup-plan.ts).
    const stackOf = new Map<string, { stack: Stack; replicas: readonly IConstruct[] }>([
      ...aws.rdsInstances.map((db, i): [string, { stack: Stack; replicas: readonly IConstruct[] }] => [
        db.name,
        { stack: this.rdsInstances[i], replicas: this.rdsInstances[i].database.replicas },
      ]),
      ...aws.auroraClusters.map((db, i): [string, { stack: Stack; replicas: readonly IConstruct[] }] => [db.name, { stack: this.auroraClusters[i], replicas: [] }]),
      ...aws.dynamodbTables.map((db, i): [string, { stack: Stack; replicas: readonly IConstruct[] }] => [db.name, { stack: this.dynamodbTables[i], replicas: [] }]),
    ]);
    for (const member of aws.backupMembership) {
      const target = stackOf.get(member.database);
      if (target) applyBackupMembership(target.stack, member, target.replicas);
    }
    for (const replicaStack of this.rdsReplicas) acknowledgeReplicaBackups(replicaStack);
    for (const secondaryStack of this.auroraSecondaries) acknowledgeReplicaBackups(secondaryStack, SECONDARY_CLUSTER_REASON);

    applyTags(this, plan.tags);
    addStackLimitChecks(this);
  }
}
