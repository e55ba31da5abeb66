import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { applyTags } from '../../aws/apply-tags';
import { RdsDatabase } from '../../../constructs/aws/rds/rds-database';
import type { RdsInstancePlan } from '../../plan/plan-types';
import type { RegionResources } from '../../aws/region-resources';
import { instanceBaseProps } from './rds-plan-props';
import { DatabaseAccess } from '../../../constructs/aws/database-access/database-access';
import { accessWiringOf, databaseAccessProps } from '../database-access-wiring';

export interface RdsInstanceStackProps extends StackProps {
  readonly plan: RdsInstancePlan;
  readonly regionResources: RegionResources;
}

/**
 * One RDS instance (and its same-region replicas) per stack: stacks stay far below CloudFormation's 500-resource
 * limit and deploy in parallel. The key and topic are named by their deterministic alias and ARN.
 */
export class RdsInstanceStack extends Stack {
  readonly database: RdsDatabase;
  readonly access?: DatabaseAccess;

  constructor(scope: Construct, id: string, props: RdsInstanceStackProps) {
    super(scope, id, props);
    const { plan } = props;
    this.database = new RdsDatabase(this, 'Database', {
      ...instanceBaseProps(this, plan, props.regionResources),
      licenseModel: plan.licenseModel,
      allocatedStorageGiB: plan.allocatedStorageGiB,
      maxAllocatedStorageGiB: plan.maxAllocatedStorageGiB,
      multiAz: plan.multiAz,
      backupRetentionDays: plan.recovery.backupRetentionDays,
      preferredBackupWindow: plan.recovery.preferredBackupWindow,
      preferredMaintenanceWindow: plan.preferredMaintenanceWindow,
      backupReplication: plan.recovery.backupReplication && {
        region: plan.recovery.backupReplication.region,
        keyArn: plan.recovery.backupReplication.keyAliasArn,
      },
      port: plan.port,
      databaseName: plan.databaseName,
      credentials: plan.credentials.mode,
      passwordRotationDays: plan.credentials.rotationDays,
      proxy: plan.proxy,
      replicas: plan.replicas
        .filter((replica) => !replica.crossRegion)
        .map((replica) => ({
          identifier: replica.identifier,
          instanceClass: replica.instanceClass,
          availabilityZone: replica.availabilityZone,
          parameters: replica.parameters,
          alarms: replica.alarms,
        })),
    });
    const wiring = accessWiringOf(plan, props.regionResources);
    if (wiring) {
      const db = this.database;
      this.access = new DatabaseAccess(
        this,
        'Access',
        databaseAccessProps(
          this,
          wiring,
          {
            identifier: plan.identifier,
            host: db.instance.dbInstanceEndpointAddress,
            port: db.clientPort,
            // Always set on an instance this stack creates (DbiResourceId); only imported instances lack it.
            resourceId: db.instance.instanceResourceId!,
            securityGroup: db.securityGroup,
            masterSecret: db.masterSecret,
            attachmentTarget: db.instance,
            vpc: props.regionResources.network.vpc,
            subnets: props.regionResources.network.subnets,
            readyWhen: db.instance,
          },
          // Same-region replicas only: a cross-region replica's endpoint belongs to its own region (docs/database-access-aws.md).
          { readerEndpoint: db.replicas[0]?.instance.dbInstanceEndpointAddress, proxyEndpoint: db.proxy?.endpoint },
        ),
      );
    }
    applyTags(this, plan.tags);
  }
}
