import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** An existing VPC given by attributes: no lookup, so synth needs no credentials. */
export interface ExistingNetworkProps {
  readonly vpcId: string;
  readonly availabilityZones: readonly string[];
  /** One private subnet per availability zone, in the same order. */
  readonly privateSubnetIds: readonly string[];
}

/** A VPC created for the databases: isolated subnets only (no route to the internet). */
export interface IsolatedNetworkProps {
  readonly cidr: string;
  readonly availabilityZones: readonly string[];
}

export interface DatabaseNetworkProps {
  readonly existing?: ExistingNetworkProps;
  readonly isolated?: IsolatedNetworkProps;
}

/** Where databases live: private subnets of an existing VPC, or a new isolated VPC. Never public subnets. */
export class DatabaseNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;

  constructor(scope: Construct, id: string, props: DatabaseNetworkProps) {
    super(scope, id);
    if (Boolean(props.existing) === Boolean(props.isolated)) {
      throw new Error(`${this.node.path}: give exactly one of 'existing' (an existing VPC) or 'isolated' (a new isolated VPC)`);
    }
    if (props.existing) {
      const { vpcId, availabilityZones, privateSubnetIds } = props.existing;
      this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
        vpcId,
        availabilityZones: [...availabilityZones],
        privateSubnetIds: [...privateSubnetIds],
      });
      this.subnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      // Databases never read the subnets' route tables, so their ids are not needed.
      Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'databases do not use subnet route tables');
    } else {
      const { cidr, availabilityZones } = props.isolated!;
      this.vpc = new ec2.Vpc(this, 'Vpc', {
        ipAddresses: ec2.IpAddresses.cidr(cidr),
        availabilityZones: [...availabilityZones],
        natGateways: 0,
        subnetConfiguration: [{ name: 'databases', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
        restrictDefaultSecurityGroup: true,
      });
      this.subnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    }
  }
}
