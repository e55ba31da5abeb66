import { Stage, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EnvironmentPlan } from '../plan/plan-types';
import { FoundationStack } from './foundation-stack';
import { RdsInstanceStack } from './rds-instance-stack';

/**
 * One Stage per environment, with the environment name as its id: `cdk deploy 'prod/*'` deploys exactly one
 * environment. Inside: a foundation stack per region, then one stack per database.
 */
export class EnvironmentStage extends Stage {
  readonly foundations: ReadonlyMap<string, FoundationStack>;
  readonly rdsInstances: readonly RdsInstanceStack[];

  constructor(scope: Construct, plan: EnvironmentPlan) {
    super(scope, plan.environment);
    const aws = plan.aws;
    if (!aws) throw new Error(`Environment '${plan.environment}' has no AWS section; create a Stage only for AWS environments`);
    const protect = plan.tier === 'production';

    const foundations = new Map<string, FoundationStack>();
    for (const region of aws.regions) {
      foundations.set(region.region, new FoundationStack(this, region.stackId, {
        stackName: region.stackName,
        description: `Databases foundation of ${plan.environment} in ${region.region}: KMS key, alarm topic, network`,
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

    for (const [key, value] of Object.entries(plan.tags)) Tags.of(this).add(key, value);
  }
}
