import { RemovalPolicy } from 'aws-cdk-lib';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { acknowledgeRdsInstanceDesign, unexportedLogTypes } from '../foundation/compliance-acknowledgements';
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../../common/identifiers';
import type { RdsInstanceClass } from '../../common/instance-catalog';
import type { RdsAlarms } from './rds-alarms';
import { addInstanceAlarms, buildInstanceParts, RdsInstanceBaseProps } from './rds-instance-base';
import { DatabaseValidationError } from '../../common/database-validation-error';
import type { PathProblem } from '../../common/path-problem';

/** What a replica may set differently from its source. */
export interface RdsReadReplicaOptions {
  /** Replica identifier, e.g. `<source>-replica-1`. */
  readonly identifier: string;
  /** @default - the source's class */
  readonly instanceClass?: RdsInstanceClass;
  /** @default - RDS chooses */
  readonly availabilityZone?: string;
  /** @default - tuned for the replica's class like the source's (see RdsInstanceBaseProps.parameters) */
  readonly parameters?: Readonly<Record<string, string>>;
  /** @default - the alarm catalog's rows for a replica (replica lag included) */
  readonly alarms?: RdsInstanceBaseProps['alarms'];
}

export interface RdsReadReplicaProps extends RdsInstanceBaseProps, Pick<RdsReadReplicaOptions, 'availabilityZone'> {
  /** The source instance, in this stack (same region). Give this or `sourceArn`. @default - none */
  readonly source?: rds.IDatabaseInstance;
  /**
   * The source by ARN, for a cross-region replica: deterministic from identifier, account and region, so no
   * cross-region reference is needed. `encryptionKey` must then be this region's key (an alias ARN works).
   * @default - none
   */
  readonly sourceArn?: string;
  /** Storage of the source, which the replica inherits (free-storage alarms are relative to it). */
  readonly allocatedStorageGiB: number;
}

/**
 * A read replica with its own tuned parameter group, security group, encrypted logs and alarms (replica lag
 * included). Same-region replicas inherit the source's encryption; a cross-region replica names its own region's key.
 */
export class RdsReadReplica extends Construct {
  readonly instance: rds.DatabaseInstanceReadReplica;
  readonly parameterGroup: rds.ParameterGroup;
  readonly alarms: RdsAlarms;

  constructor(scope: Construct, id: string, props: RdsReadReplicaProps) {
    super(scope, id);
    const problems: PathProblem[] = [];
    if (Boolean(props.source) === Boolean(props.sourceArn)) {
      problems.push({
        path: ['sourceArn'],
        value: props.sourceArn,
        message: "give exactly one of 'source' (same region) or 'sourceArn' (cross-region)",
        fix: "pass source for a replica in its source's region, or sourceArn for one in another region",
      });
    }
    const idProblem = identifierProblem(props.identifier, RDS_IDENTIFIER_MAX_LENGTH);
    if (idProblem) {
      problems.push({
        path: ['identifier'],
        value: props.identifier,
        message: `the replica identifier ${idProblem}`,
        fix: 'choose a shorter name or environment name',
      });
    }
    if (problems.length > 0) throw new DatabaseValidationError('RdsReadReplica', this.node.path, problems);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const parts = buildInstanceParts(this, props, removalPolicy);
    this.parameterGroup = parts.parameterGroup;
    const crossRegion = props.sourceArn !== undefined;
    // A cross-region source is named by ARN below; the import only tells CDK the engine.
    const source =
      props.source ??
      rds.DatabaseInstance.fromDatabaseInstanceAttributes(this, 'Source', {
        instanceIdentifier: props.sourceArn!.split(':').pop()!,
        instanceEndpointAddress: props.sourceArn!,
        port: parts.instanceProps.port!,
        securityGroups: [],
        engine: parts.engine,
      });
    this.instance = new rds.DatabaseInstanceReadReplica(this, 'Instance', {
      ...parts.instanceProps,
      sourceDatabaseInstance: source,
      availabilityZone: props.availabilityZone,
      multiAz: false,
      storageEncryptionKey: crossRegion ? props.encryptionKey : undefined,
    });
    const cfn = this.instance.node.defaultChild as rds.CfnDBInstance;
    if (crossRegion) {
      cfn.sourceDbInstanceIdentifier = props.sourceArn;
      // A replica inherits encryption; StorageEncrypted on a replica is rejected (cfn-lint E3020). KmsKeyId stays.
      cfn.addPropertyDeletionOverride('StorageEncrypted');
    }
    this.alarms = addInstanceAlarms(this, props, parts, this.instance, { role: 'replica', allocatedStorageGiB: props.allocatedStorageGiB });
    acknowledgeRdsInstanceDesign(this.instance, {
      role: 'replica',
      multiAz: false,
      deletionProtection: parts.deletionProtection,
      unexportedLogTypes: unexportedLogTypes(parts.row, props.logExports),
      fixedAvailabilityZone: props.availabilityZone !== undefined,
    });
  }
}
