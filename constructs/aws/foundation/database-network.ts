import { Annotations, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './compliance-acknowledgements';
import { allowLogsToUseKey } from './log-group-key-grant';
import { DatabaseValidationError } from '../../common/database-validation-error';

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
  /** Key of the flow-log group (a key, not an alias); its policy gets a statement for this group. @default - CloudWatch Logs' own encryption */
  readonly flowLogKey?: kms.IKey;
  /** Name of the flow-log group (named so the key policy can name it). @default `/aws/vpc/flow-logs/<stack name>` */
  readonly flowLogGroupName?: string;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly flowLogRetention?: logs.RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly flowLogRemovalPolicy?: RemovalPolicy;
}

export interface DatabaseNetworkProps {
  /** Use a VPC that exists; give this or `isolated`. @default - none */
  readonly existing?: ExistingNetworkProps;
  /** Create an isolated VPC; give this or `existing`. @default - none */
  readonly isolated?: IsolatedNetworkProps;
}

/** Where databases live: private subnets of an existing VPC, or a new isolated VPC. Never public subnets. */
export class DatabaseNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;

  constructor(scope: Construct, id: string, props: DatabaseNetworkProps) {
    super(scope, id);
    if (Boolean(props.existing) === Boolean(props.isolated)) {
      throw new DatabaseValidationError('DatabaseNetwork', this.node.path, [
        {
          path: ['existing'],
          value: props.existing,
          message: "give exactly one of 'existing' (an existing VPC) or 'isolated' (a new isolated VPC)",
          fix: 'pass existing with the VPC, its zones and subnets, or isolated to create one',
        },
      ]);
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
      // Who talked to the databases, kept for investigations (flow logs of the VPC we own).
      const flowLogGroupName = props.isolated!.flowLogGroupName ?? `/aws/vpc/flow-logs/${Stack.of(this).stackName}`;
      const flowLogKey = props.isolated!.flowLogKey;
      if (flowLogKey) allowLogsToUseKey(this, flowLogKey, 'AllowCloudWatchLogsForFlowLogGroup', flowLogGroupName);
      const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
        logGroupName: flowLogGroupName,
        encryptionKey: flowLogKey,
        retention: props.isolated!.flowLogRetention ?? logs.RetentionDays.THREE_MONTHS,
        removalPolicy: props.isolated!.flowLogRemovalPolicy ?? RemovalPolicy.RETAIN,
      });
      const flowLog = this.vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup) });
      const flowLogPolicy = flowLog.node.tryFindChild('IAMRole')?.node.tryFindChild('DefaultPolicy');
      if (flowLogPolicy) {
        acknowledge(flowLogPolicy, {
          'HIPAA.Security-IAMNoInlinePolicy': "the flow-log role's own policy, created with it: it can write to this log group only",
        });
      }
      for (const subnet of this.vpc.isolatedSubnets) {
        acknowledge(subnet.node.defaultChild!, {
          'CloudFormation-Validate::W3010': 'zones come from config on purpose: synth must not look them up (no credentials)',
        });
      }
    }
  }
}
