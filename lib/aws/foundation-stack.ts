import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DatabaseFoundation } from '../../constructs/aws/database-foundation';
import { DatabaseNetwork } from '../../constructs/aws/database-network';
import type { AwsRegionPlan } from '../plan/plan-types';
import { REMOVAL_POLICIES } from './removal-policy';

export interface FoundationStackProps extends StackProps {
  readonly region: AwsRegionPlan;
}

/** Per (environment, region): the network the databases use, the customer-managed key and the alarm topic. */
export class FoundationStack extends Stack {
  readonly network: DatabaseNetwork;
  readonly foundation: DatabaseFoundation;
  private readonly configuredZones: string[];

  constructor(scope: Construct, id: string, props: FoundationStackProps) {
    super(scope, id, props);
    const { region } = props;
    this.configuredZones = [...region.network.availabilityZones];
    this.network = new DatabaseNetwork(this, 'Network', region.network.type === 'existing' ? { existing: region.network } : { isolated: region.network });
    this.foundation = new DatabaseFoundation(this, 'Foundation', {
      keyAlias: region.keyAlias,
      alarmTopicName: region.alarmTopicName,
      notificationEmails: region.notificationEmails,
      removalPolicy: REMOVAL_POLICIES[region.removalPolicy],
    });
  }

  /** The zones come from config: without this, a VPC in an env-specific stack looks them up (needs credentials). */
  override get availabilityZones(): string[] {
    return this.configuredZones;
  }
}
