import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { applyTags } from '../../aws/apply-tags';
import { RdsReadReplica } from '../../../constructs/aws/rds/rds-read-replica';
import type { RdsReplicaPlan } from '../../plan/plan-types';
import type { RegionResources } from '../../aws/region-resources';
import { instanceBaseProps } from './rds-plan-props';

export interface RdsReplicaStackProps extends StackProps {
  readonly plan: RdsReplicaPlan;
  readonly allocatedStorageGiB: number;
  readonly regionResources: RegionResources;
}

/**
 * A cross-region read replica in a stack of its target region. The source is named by its deterministic ARN and
 * the replica's storage by the target region's key alias, so no cross-region reference ties the two stacks.
 */
export class RdsReplicaStack extends Stack {
  readonly replica: RdsReadReplica;

  constructor(scope: Construct, id: string, props: RdsReplicaStackProps) {
    super(scope, id, props);
    const { plan } = props;
    this.replica = new RdsReadReplica(this, 'Replica', {
      ...instanceBaseProps(this, plan, props.regionResources),
      sourceArn: plan.sourceArn,
      allocatedStorageGiB: props.allocatedStorageGiB,
    });
    applyTags(this, plan.tags);
  }
}
