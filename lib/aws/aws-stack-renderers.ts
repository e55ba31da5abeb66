/**
 * Each stack type of an AWS plan (AwsStackSpec) rendered as a CDK stack: the one place that maps plan data to
 * stack classes, so the Stage knows no database kind.
 */
import type { Stack, StackProps } from 'aws-cdk-lib';
import type { Construct, IConstruct } from 'constructs';
import { AuroraClusterStack } from '../kinds/aurora-cluster/aurora-cluster-stack';
import { DynamodbTableStack } from '../kinds/dynamodb-table/dynamodb-table-stack';
import { ElasticacheClusterStack } from '../kinds/elasticache-cluster/elasticache-cluster-stack';
import { RdsInstanceStack } from '../kinds/rds-instance/rds-instance-stack';
import { RdsReplicaStack } from '../kinds/rds-instance/rds-replica-stack';
import type { AwsStackSpec, AwsStackType } from '../plan/plan-types';
import { DashboardStack } from './dashboard-stack';
import { FoundationStack } from './foundation-stack';
import type { RegionResources } from './region-resources';

export interface RenderedStack {
  readonly stack: Stack;
  /** Read replicas inside the stack: they do not carry their primary's backup-plan tag. */
  readonly replicas?: readonly IConstruct[];
}

export interface StackRenderContext {
  readonly scope: Construct;
  /** Name, description, account and region, termination protection: what every stack of the Stage takes. */
  readonly props: StackProps;
  /** The network and key of a region's foundation stack (rendered first). */
  readonly regionResources: (region: string) => RegionResources;
}

type Renderer<T extends AwsStackType> = (spec: Extract<AwsStackSpec, { readonly type: T }>, context: StackRenderContext) => RenderedStack;

const AWS_STACK_RENDERERS: { readonly [T in AwsStackType]: Renderer<T> } = {
  foundation: (spec, { scope, props }) => ({ stack: new FoundationStack(scope, spec.stackId, { ...props, region: spec.plan }) }),
  'rds-instance': (spec, { scope, props, regionResources }) => {
    const stack = new RdsInstanceStack(scope, spec.stackId, { ...props, plan: spec.plan, regionResources: regionResources(spec.region) });
    return { stack, replicas: stack.database.replicas };
  },
  'rds-replica': (spec, { scope, props, regionResources }) => ({
    stack: new RdsReplicaStack(scope, spec.stackId, {
      ...props,
      plan: spec.plan,
      allocatedStorageGiB: spec.allocatedStorageGiB,
      regionResources: regionResources(spec.region),
    }),
  }),
  'aurora-cluster': (spec, { scope, props, regionResources }) => ({
    stack: new AuroraClusterStack(scope, spec.stackId, { ...props, plan: spec.plan, regionResources: regionResources(spec.region) }),
  }),
  'dynamodb-table': (spec, { scope, props }) => ({ stack: new DynamodbTableStack(scope, spec.stackId, { ...props, plan: spec.plan }) }),
  dashboard: (spec, { scope, props }) => ({ stack: new DashboardStack(scope, spec.stackId, { ...props, plan: spec.plan }) }),
  'elasticache-cluster': (spec, { scope, props, regionResources }) => ({
    stack: new ElasticacheClusterStack(scope, spec.stackId, {
      ...props,
      plan: spec.plan,
      regionResources: regionResources(spec.region),
      // A Global Datastore secondary reads its primary's global group (rendered before it: spec.dependsOn[0]).
      primaryStack: 'primaryStackId' in spec.plan ? (scope.node.findChild(spec.plan.primaryStackId) as ElasticacheClusterStack) : undefined,
    }),
  }),
};

/** Renders one spec by its type. */
export const renderAwsStack = (spec: AwsStackSpec, context: StackRenderContext): RenderedStack =>
  (AWS_STACK_RENDERERS[spec.type] as Renderer<AwsStackType>)(spec as never, context);
