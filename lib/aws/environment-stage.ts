import { Stack, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { applyTags } from './apply-tags';
import type { EnvironmentPlan } from '../plan/plan-types';
import { DashboardStack } from './dashboard-stack';
import { DynamodbTableStack } from './dynamodb-table-stack';
import { FoundationStack } from './foundation-stack';
import { RdsInstanceStack } from './rds-instance-stack';
import { RdsReplicaStack } from './rds-replica-stack';
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
      plan: dashboard,
    }));

    // Database stacks carry the tag their region's backup plan selects (see lib/plan/backup-plan.ts).
    const stackOf = new Map<string, Stack>([
      ...aws.rdsInstances.map((db, i): [string, Stack] => [db.name, this.rdsInstances[i]]),
      ...aws.dynamodbTables.map((db, i): [string, Stack] => [db.name, this.dynamodbTables[i]]),
    ]);
    for (const member of aws.backupMembership) {
      const stack = stackOf.get(member.database);
      if (stack && member.tag) applyTags(stack, { [member.tag.key]: member.tag.value });
    }

    applyTags(this, plan.tags);
    addStackLimitChecks(this);
  }
}
