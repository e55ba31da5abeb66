import { Stack, Stage, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EnvironmentPlan } from '../plan/plan-types';
import { DynamodbTableStack } from './dynamodb-table-stack';
import { FoundationStack } from './foundation-stack';
import { RdsInstanceStack } from './rds-instance-stack';
import { TAG_OPTIONS } from './tag-options';

/**
 * One Stage per environment, with the environment name as its id: `cdk deploy 'prod/*'` deploys exactly one
 * environment. Inside: a foundation stack per region (key, topic, network, backup vault and plans), then one stack
 * per database.
 */
export class EnvironmentStage extends Stage {
  readonly foundations: ReadonlyMap<string, FoundationStack>;
  readonly rdsInstances: readonly RdsInstanceStack[];
  readonly dynamodbTables: readonly DynamodbTableStack[];

  constructor(scope: Construct, plan: EnvironmentPlan) {
    super(scope, plan.environment);
    const aws = plan.aws;
    if (!aws) throw new Error(`Environment '${plan.environment}' has no AWS section; create a Stage only for AWS environments`);
    const protect = plan.tier === 'production';

    const foundations = new Map<string, FoundationStack>();
    for (const region of aws.regions) {
      foundations.set(region.region, new FoundationStack(this, region.stackId, {
        stackName: region.stackName,
        description: `Databases foundation of ${plan.environment} in ${region.region}: KMS key, alarm topic, network, backup vault`,
        env: { account: aws.account, region: region.region },
        terminationProtection: protect,
        region,
      }));
    }
    this.foundations = foundations;

    this.rdsInstances = aws.rdsInstances.map((instance) => {
      const foundation = foundations.get(instance.region)!;
      const stack = new RdsInstanceStack(this, instance.stackId, {
        stackName: instance.stackName,
        description: `RDS ${instance.engine} ${instance.engineVersion} instance ${instance.identifier}`,
        env: { account: aws.account, region: instance.region },
        terminationProtection: protect,
        plan: instance,
        network: foundation.network,
      });
      // The key alias and topic are named, not referenced: order the deployment explicitly.
      stack.addStackDependency(foundation);
      return stack;
    });

    this.dynamodbTables = aws.dynamodbTables.map((table) => {
      const stack = new DynamodbTableStack(this, table.stackId, {
        stackName: table.stackName,
        description: `DynamoDB table ${table.tableName}${table.replicas.length > 0 ? ` with replicas in ${table.replicas.map((r) => r.region).join(', ')}` : ''}`,
        env: { account: aws.account, region: table.region },
        terminationProtection: protect,
        plan: table,
      });
      // Each replica needs its region's key alias before it is created.
      for (const region of [table.region, ...table.replicas.map((r) => r.region)]) stack.addStackDependency(foundations.get(region)!);
      return stack;
    });

    // Database stacks carry the tag their region's backup plan selects (see lib/plan/backup-plan.ts).
    const stackOf = new Map<string, Stack>([
      ...aws.rdsInstances.map((db, i): [string, Stack] => [db.name, this.rdsInstances[i]]),
      ...aws.dynamodbTables.map((db, i): [string, Stack] => [db.name, this.dynamodbTables[i]]),
    ]);
    for (const member of aws.backupMembership) {
      const stack = stackOf.get(member.database);
      if (stack && member.tag) Tags.of(stack).add(member.tag.key, member.tag.value, TAG_OPTIONS);
    }

    for (const [key, value] of Object.entries(plan.tags)) Tags.of(this).add(key, value, TAG_OPTIONS);
  }
}
