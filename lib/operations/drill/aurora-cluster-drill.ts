/**
 * Restore drill of an Aurora cluster: RestoreDBClusterToPointInTime (a full copy, not a copy-on-write clone, so the
 * drill reads the backups) into the source's subnet group, security groups and cluster parameter group, with the
 * region's key, no deletion protection, tagged as a drill; then one instance in it (CreateDBInstance with the
 * source writer's class, or db.serverless with the planned capacity), since a cluster without an instance serves
 * nothing. state() combines both; requestDeletion() deletes the instance, then the cluster (SkipFinalSnapshot), which
 * RDS accepts once the instance is deleting. Every mutating call goes through `guard`, which refuses any identifier
 * that is not this source's scratch name.
 */
import {
  CreateDBInstanceCommand,
  DBCluster,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  ModifyDBClusterCommand,
  paginateDescribeDBClusterSnapshots,
  RestoreDBClusterToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import type { AuroraClusterPlan } from '../../plan/plan-types';
import { CheckResult, equalityCheck } from '../check-result';
import { awsCollect } from '../aws/aws-call';
import { awsErrorName, describeAwsError } from '../aws/aws-errors';
import { shortKeyName } from '../aws/kms-keys';
import type { OperationsContext } from '../operations-context';
import { AURORA_CLUSTER_KIND, plannedInstanceClass } from '../verify/aurora-cluster-checks';
import { describeDbCluster } from '../verify/aurora-cluster-live';
import { describeDbInstance } from '../verify/rds-instance-live';
import type { DeletionRequest, DrillSource, DrillStrategy, ScratchResource, ScratchState } from './drill-strategy';
import { FAILED_RESTORE_STATUSES, hasDrillTag } from './rds-instance-drill';
import { createOnce, drillTagsDescription, isCopyOfThisDrill } from './create-once';
import type { RestorePoint } from './restore-point';
import { DRILL_SOURCE_TAG_KEY, DRILL_TAG_KEY, drillTags, isScratchIdentifierOf, scratchIdentifier } from './scratch-identifier';
import { RDS_IDENTIFIER_MAX_LENGTH } from '../../../constructs/common/identifiers';

const LABEL = 'Aurora cluster';
const INSTANCE_LABEL = 'Aurora instance';
/** The scratch cluster's one instance is `<scratch>-1`: the cluster's name leaves room for it. */
const INSTANCE_SUFFIX = '-1';
const SCRATCH_MAX_LENGTH = RDS_IDENTIFIER_MAX_LENGTH - INSTANCE_SUFFIX.length;

/** Cluster statuses from which a restored cluster will not become available. */
const FAILED_CLUSTER_STATUSES: readonly string[] = [
  'failed',
  'inaccessible-encryption-credentials',
  'inaccessible-encryption-credentials-recoverable',
  'incompatible-parameters',
  'incompatible-restore',
  'incompatible-network',
];

export const scratchInstanceIdentifier = (scratch: string) => `${scratch}${INSTANCE_SUFFIX}`;

export class AuroraClusterDrill implements DrillStrategy {
  readonly label = LABEL;
  readonly deletionNote = 'instance first, then the cluster; no final snapshot, automated backups deleted';
  readonly source: string;
  readonly region: string;
  private sourceCluster?: DBCluster;
  private sourceKeyArn?: string;
  private writerClass?: string;

  constructor(
    private readonly plan: AuroraClusterPlan,
    private readonly ctx: OperationsContext,
  ) {
    this.source = plan.clusterIdentifier;
    this.region = plan.region;
  }

  scratchIdentifier(start: Date): string {
    return scratchIdentifier(this.source, start, SCRATCH_MAX_LENGTH);
  }

  async readSource(): Promise<DrillSource | undefined> {
    const cluster = await describeDbCluster(this.ctx.clients, this.region, this.source);
    if (!cluster) return undefined;
    this.sourceCluster = cluster;
    this.sourceKeyArn = cluster.StorageEncrypted && cluster.KmsKeyId ? await this.ctx.keys.keyArn(this.region, cluster.KmsKeyId) : undefined;
    const writerId = cluster.DBClusterMembers?.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;
    const writer = writerId ? await describeDbInstance(this.ctx.clients, this.region, writerId) : undefined;
    this.writerClass = writer?.DBInstanceClass ?? plannedInstanceClass(this.plan.capacity);
    const latest = cluster.LatestRestorableTime;
    const key = cluster.StorageEncrypted ? (this.sourceKeyArn ? shortKeyName(this.sourceKeyArn) : 'encrypted, key unknown') : 'not encrypted';
    return {
      summary: `${cluster.Status}, ${cluster.Engine} ${cluster.EngineVersion}, writer ${writer ? `${writerId} ${writer.DBInstanceClass}` : 'none'}, ${key}, ${cluster.BackupRetentionPeriod ?? 0} days of backups`,
      window: latest ? { earliest: cluster.EarliestRestorableTime, latest } : undefined,
      noWindowReason: latest ? undefined : 'RDS reports no latest restorable time for the cluster',
      placement: [
        `subnet group ${cluster.DBSubnetGroup ?? '(none)'}`,
        `security groups ${securityGroups(cluster).join(', ') || '(none)'}`,
        `cluster parameter group ${cluster.DBClusterParameterGroup ?? '(default)'}`,
        `key ${this.plan.keyAlias} (the region's key), no deletion protection`,
        `one instance ${this.instanceDescription()}, not public`,
      ],
    };
  }

  async scratchExists(scratch: string): Promise<boolean> {
    const [cluster, instance] = await Promise.all([
      describeDbCluster(this.ctx.clients, this.region, scratch),
      describeDbInstance(this.ctx.clients, this.region, scratchInstanceIdentifier(scratch)),
    ]);
    return cluster !== undefined || instance !== undefined;
  }

  async restore(scratch: string, point: RestorePoint, start: Date): Promise<void> {
    this.guard(scratch);
    const source = this.sourceCluster;
    if (!source) throw new Error('BUG: restore before readSource');
    const groups = securityGroups(source);
    const { capacity } = this.plan;
    const ownership = `not tagged ${drillTagsDescription(this.source, start)}`;
    await createOnce({
      context: this.context('rds:RestoreDBClusterToPointInTime', scratch),
      alreadyExists: ['DBClusterAlreadyExistsFault', 'DBClusterAlreadyExists'],
      ownership,
      isOurs: async () => isCopyOfThisDrill((await describeDbCluster(this.ctx.clients, this.region, scratch))?.TagList ?? [], this.source, start),
      create: () =>
        this.ctx.clients.rds(this.region).send(
          new RestoreDBClusterToPointInTimeCommand({
            SourceDBClusterIdentifier: this.source,
            DBClusterIdentifier: scratch,
            RestoreType: 'full-copy',
            ...(point.kind === 'latest' ? { UseLatestRestorableTime: true } : { RestoreToTime: point.time }),
            ...(source.DBSubnetGroup ? { DBSubnetGroupName: source.DBSubnetGroup } : {}),
            ...(groups.length > 0 ? { VpcSecurityGroupIds: groups } : {}),
            ...(source.DBClusterParameterGroup ? { DBClusterParameterGroupName: source.DBClusterParameterGroup } : {}),
            KmsKeyId: this.plan.keyAliasArn,
            DeletionProtection: false,
            CopyTagsToSnapshot: false,
            ...(capacity.mode === 'serverless-v2'
              ? { ServerlessV2ScalingConfiguration: { MinCapacity: capacity.minCapacity, MaxCapacity: capacity.maxCapacity } }
              : {}),
            Tags: drillTags(this.source, start),
          }),
        ),
    });
    const instance = scratchInstanceIdentifier(scratch);
    this.guard(scratch);
    await createOnce({
      context: this.context('rds:CreateDBInstance', instance),
      alreadyExists: ['DBInstanceAlreadyExistsFault', 'DBInstanceAlreadyExists'],
      ownership,
      isOurs: async () => isCopyOfThisDrill((await describeDbInstance(this.ctx.clients, this.region, instance))?.TagList ?? [], this.source, start),
      create: () =>
        this.ctx.clients.rds(this.region).send(
          new CreateDBInstanceCommand({
            DBInstanceIdentifier: instance,
            DBClusterIdentifier: scratch,
            Engine: this.plan.engine,
            DBInstanceClass: this.writerClass ?? plannedInstanceClass(capacity),
            PubliclyAccessible: false,
            AutoMinorVersionUpgrade: false,
            Tags: drillTags(this.source, start),
          }),
        ),
    });
  }

  async state(scratch: string): Promise<ScratchState | undefined> {
    const [cluster, instance] = await Promise.all([
      describeDbCluster(this.ctx.clients, this.region, scratch),
      describeDbInstance(this.ctx.clients, this.region, scratchInstanceIdentifier(scratch)),
    ]);
    if (!cluster && !instance) return undefined;
    const clusterStatus = cluster?.Status ?? 'gone';
    const instanceStatus = instance?.DBInstanceStatus ?? 'gone';
    return {
      status: `cluster ${clusterStatus}, instance ${instanceStatus}`,
      ready: clusterStatus === 'available' && instanceStatus === 'available',
      failed: FAILED_CLUSTER_STATUSES.includes(clusterStatus) || FAILED_RESTORE_STATUSES.includes(instanceStatus),
    };
  }

  async checkRestored(scratch: string): Promise<CheckResult[]> {
    const instanceId = scratchInstanceIdentifier(scratch);
    const [cluster, instance, plannedKeyArn] = await Promise.all([
      describeDbCluster(this.ctx.clients, this.region, scratch),
      describeDbInstance(this.ctx.clients, this.region, instanceId),
      this.ctx.keys.keyArn(this.region, this.plan.keyAliasArn),
    ]);
    const base = { database: this.plan.name, kind: AURORA_CLUSTER_KIND, resource: scratch };
    if (!cluster) return [{ ...base, check: 'exists', status: 'fail', planned: 'restored cluster', live: 'not found' }];
    const source = this.sourceCluster!;
    const keyArn = cluster.StorageEncrypted && cluster.KmsKeyId ? await this.ctx.keys.keyArn(this.region, cluster.KmsKeyId) : undefined;
    const plannedKey = plannedKeyArn ? shortKeyName(plannedKeyArn) : 'alias not found in KMS';
    const liveKey = !cluster.StorageEncrypted ? 'not encrypted' : keyArn ? shortKeyName(keyArn) : (cluster.KmsKeyId ?? 'key unknown');
    const onInstance = { ...base, resource: instanceId };
    return [
      equalityCheck({ ...base, check: 'status', planned: 'available', live: cluster.Status ?? 'unknown' }),
      {
        ...base,
        check: 'encryption',
        status: plannedKeyArn !== undefined && keyArn === plannedKeyArn ? 'pass' : 'fail',
        planned: `${this.plan.keyAlias} (${plannedKey})`,
        live: liveKey,
      },
      equalityCheck({ ...base, check: 'engine', planned: this.plan.engine, live: cluster.Engine ?? 'unknown' }),
      equalityCheck({ ...base, check: 'engine version', planned: source.EngineVersion ?? this.plan.engineVersion, live: cluster.EngineVersion ?? 'unknown' }),
      equalityCheck({ ...base, check: 'subnet group', planned: source.DBSubnetGroup ?? '(none)', live: cluster.DBSubnetGroup ?? '(none)' }),
      equalityCheck({
        ...base,
        check: 'cluster parameter group',
        planned: source.DBClusterParameterGroup ?? '(default)',
        live: cluster.DBClusterParameterGroup ?? '(default)',
      }),
      equalityCheck({
        ...base,
        check: 'drill tag',
        planned: `${DRILL_TAG_KEY}=true`,
        live: hasDrillTag(cluster.TagList ?? [], this.source) ? `${DRILL_TAG_KEY}=true` : 'missing',
      }),
      instance
        ? equalityCheck({ ...onInstance, check: 'status', planned: 'available', live: instance.DBInstanceStatus ?? 'unknown' })
        : { ...onInstance, check: 'exists', status: 'fail', planned: `instance in ${scratch}`, live: 'not found' },
      ...(instance
        ? [
            equalityCheck({ ...onInstance, check: 'instance class', planned: this.writerClass ?? '?', live: instance.DBInstanceClass ?? 'unknown' }),
            equalityCheck({ ...onInstance, check: 'cluster', planned: scratch, live: instance.DBClusterIdentifier ?? '(none)' }),
          ]
        : []),
    ];
  }

  async requestDeletion(scratch: string): Promise<DeletionRequest> {
    this.guard(scratch);
    const instanceId = scratchInstanceIdentifier(scratch);
    const [cluster, instance] = await Promise.all([
      describeDbCluster(this.ctx.clients, this.region, scratch),
      describeDbInstance(this.ctx.clients, this.region, instanceId),
    ]);
    if (!cluster && !instance) return { requested: [] };
    for (const tags of [cluster?.TagList, instance?.TagList]) {
      if (tags && !hasDrillTag(tags, this.source)) {
        throw new Error(`Refusing to delete ${scratch}: it is not tagged ${DRILL_TAG_KEY}=true and ${DRILL_SOURCE_TAG_KEY}=${this.source}.`);
      }
    }
    const rds = this.ctx.clients.rds(this.region);
    const requested: ScratchResource[] = [];
    const notes: string[] = [];
    if (instance) {
      requested.push({ type: INSTANCE_LABEL, id: instanceId });
      if (instance.DBInstanceStatus !== 'deleting') {
        try {
          this.guard(scratch);
          await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: instanceId, SkipFinalSnapshot: true }));
        } catch (error) {
          const name = awsErrorName(error);
          if (name === 'InvalidDBInstanceStateFault' || name === 'InvalidDBInstanceState')
            return { notYet: `${instanceId} is ${instance.DBInstanceStatus ?? 'busy'}` };
          if (!/NotFound/.test(name)) throw describeAwsError(error, this.context('rds:DeleteDBInstance', instanceId));
        }
      }
    }
    if (cluster) {
      requested.push({ type: LABEL, id: scratch });
      if (cluster.Status !== 'deleting') {
        let action = 'rds:DeleteDBCluster';
        try {
          if (cluster.DeletionProtection) {
            action = 'rds:ModifyDBCluster';
            this.guard(scratch);
            await rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: scratch, DeletionProtection: false, ApplyImmediately: true }));
            notes.push(`turned off deletion protection of ${scratch}`);
            action = 'rds:DeleteDBCluster';
          }
          this.guard(scratch);
          await rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: scratch, SkipFinalSnapshot: true, DeleteAutomatedBackups: true }));
        } catch (error) {
          const name = awsErrorName(error);
          if (name === 'InvalidDBClusterStateFault' || name === 'InvalidDBClusterState')
            return { notYet: `${scratch} is ${cluster.Status ?? 'busy'} or still has an instance` };
          if (!/NotFound/.test(name)) throw describeAwsError(error, this.context(action, scratch));
        }
      }
    }
    return { requested, notes };
  }

  async leftovers(scratch: string): Promise<ScratchResource[]> {
    const instanceId = scratchInstanceIdentifier(scratch);
    const [cluster, instance] = await Promise.all([
      describeDbCluster(this.ctx.clients, this.region, scratch),
      describeDbInstance(this.ctx.clients, this.region, instanceId),
    ]);
    const left: ScratchResource[] = [];
    if (instance) left.push({ type: INSTANCE_LABEL, id: instanceId, state: instance.DBInstanceStatus });
    if (cluster) left.push({ type: LABEL, id: scratch, state: cluster.Status });
    if (!cluster) {
      const snapshots = await awsCollect(
        this.context('rds:DescribeDBClusterSnapshots', scratch),
        () => paginateDescribeDBClusterSnapshots({ client: this.ctx.clients.rds(this.region) }, { DBClusterIdentifier: scratch }),
        (page) => page.DBClusterSnapshots,
        true,
      );
      // Automated snapshots go with the cluster (DeleteAutomatedBackups); a manual one (a final snapshot) would stay.
      for (const snapshot of snapshots) {
        if (snapshot.DBClusterIdentifier === scratch && snapshot.SnapshotType !== 'automated') {
          left.push({
            type: `${snapshot.SnapshotType ?? ''} cluster snapshot`.trim(),
            id: snapshot.DBClusterSnapshotIdentifier ?? '?',
            state: snapshot.Status,
          });
        }
      }
    }
    return left;
  }

  manualCleanup(scratch: string): string {
    return (
      `aws rds delete-db-instance --region ${this.region} --db-instance-identifier ${scratchInstanceIdentifier(scratch)} --skip-final-snapshot; ` +
      `aws rds delete-db-cluster --region ${this.region} --db-cluster-identifier ${scratch} --skip-final-snapshot --delete-automated-backups`
    );
  }

  private instanceDescription(): string {
    const { capacity } = this.plan;
    if (capacity.mode === 'serverless-v2') return `db.serverless (${capacity.minCapacity}–${capacity.maxCapacity} ACUs)`;
    return `${this.writerClass ?? capacity.instanceClass} (the source writer's class)`;
  }

  /** The one rule of a drill: never modify anything but this source's scratch copy. */
  private guard(scratch: string): void {
    if (!isScratchIdentifierOf(scratch, this.source, SCRATCH_MAX_LENGTH)) {
      throw new Error(`BUG: refusing to modify ${scratch}: not a drill copy of ${this.source}`);
    }
  }

  private context(action: string, resource: string) {
    return { action, region: this.region, resource, endpoint: this.ctx.clients.endpointUrl };
  }
}

function securityGroups(cluster: DBCluster): string[] {
  return (cluster.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean);
}
