/**
 * Restore drill of an RDS DB instance: RestoreDBInstanceToPointInTime into the source's subnet group, security
 * groups and parameter group (the key follows the source's backups), single-AZ, private, no deletion protection,
 * tagged as a drill; then DeleteDBInstance with SkipFinalSnapshot and DeleteAutomatedBackups. Every mutating call
 * goes through `mutate`, which refuses any identifier that is not this source's scratch name.
 */
import {
  DBInstance,
  DeleteDBInstanceCommand,
  ListTagsForResourceCommand,
  ModifyDBInstanceCommand,
  Tag,
  paginateDescribeDBSnapshots,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import type { RdsInstancePlan } from '../../plan/plan-types';
import { CheckResult, equalityCheck } from '../check-result';
import { awsCall, awsCollect } from '../aws/aws-call';
import { awsErrorName, describeAwsError } from '../aws/aws-errors';
import { shortKeyName } from '../aws/kms-keys';
import type { OperationsContext } from '../operations-context';
import { RDS_INSTANCE_KIND } from '../verify/rds-instance-checks';
import { describeAutomatedBackups, describeDbInstance } from '../verify/rds-instance-live';
import type { DeletionRequest, DrillSource, DrillStrategy, ScratchResource, ScratchState } from './drill-strategy';
import { createOnce, drillTagsDescription, isCopyOfThisDrill } from './create-once';
import type { RestorePoint } from './restore-point';
import { DRILL_SOURCE_TAG_KEY, DRILL_TAG_KEY, drillTags, isScratchIdentifierOf, scratchIdentifier } from './scratch-identifier';

/** Statuses from which a restored instance will not become available. */
export const FAILED_RESTORE_STATUSES: readonly string[] = [
  'failed',
  'restore-error',
  'incompatible-restore',
  'incompatible-parameters',
  'incompatible-network',
  'incompatible-option-group',
  'inaccessible-encryption-credentials',
  'storage-full',
];

const LABEL = 'RDS instance';

export class RdsInstanceDrill implements DrillStrategy {
  readonly label = LABEL;
  readonly deletionNote = 'no final snapshot, automated backups deleted';
  readonly source: string;
  readonly region: string;
  private sourceInstance?: DBInstance;
  private sourceKeyArn?: string;

  constructor(
    private readonly plan: RdsInstancePlan,
    private readonly ctx: OperationsContext,
  ) {
    this.source = plan.identifier;
    this.region = plan.region;
  }

  scratchIdentifier(start: Date): string {
    return scratchIdentifier(this.source, start);
  }

  async readSource(): Promise<DrillSource | undefined> {
    const instance = await describeDbInstance(this.ctx.clients, this.region, this.source);
    if (!instance) return undefined;
    this.sourceInstance = instance;
    this.sourceKeyArn = instance.StorageEncrypted && instance.KmsKeyId ? await this.ctx.keys.keyArn(this.region, instance.KmsKeyId) : undefined;
    const backups = instance.BackupRetentionPeriod ? await describeAutomatedBackups(this.ctx.clients, this.region, this.source) : [];
    const latest = instance.LatestRestorableTime;
    const earliest = backups.find((b) => b.Status === 'active')?.RestoreWindow?.EarliestTime ?? estimatedEarliest(instance);
    const key = instance.StorageEncrypted ? (this.sourceKeyArn ? shortKeyName(this.sourceKeyArn) : 'encrypted, key unknown') : 'not encrypted';
    return {
      summary: `${instance.DBInstanceStatus}, ${instance.Engine} ${instance.EngineVersion}, ${instance.DBInstanceClass}, ${key}, ${instance.BackupRetentionPeriod ?? 0} days of backups`,
      window: latest && instance.BackupRetentionPeriod ? { earliest, latest } : undefined,
      placement: [
        `subnet group ${instance.DBSubnetGroup?.DBSubnetGroupName ?? '(none)'}${instance.DBSubnetGroup?.VpcId ? ` in ${instance.DBSubnetGroup.VpcId}` : ''}`,
        `security groups ${securityGroups(instance).join(', ') || '(none)'}`,
        `parameter group ${parameterGroup(instance) ?? '(default)'}`,
        `class ${this.plan.instanceClass}, single-AZ, not public, no deletion protection`,
      ],
    };
  }

  async scratchExists(scratch: string): Promise<boolean> {
    return (await describeDbInstance(this.ctx.clients, this.region, scratch)) !== undefined;
  }

  async restore(scratch: string, point: RestorePoint, start: Date): Promise<void> {
    this.guard(scratch);
    const source = this.sourceInstance;
    if (!source) throw new Error('BUG: restore before readSource');
    const subnetGroup = source.DBSubnetGroup?.DBSubnetGroupName;
    const parameters = parameterGroup(source);
    const groups = securityGroups(source);
    await createOnce({
      context: this.context('rds:RestoreDBInstanceToPointInTime', scratch),
      alreadyExists: ['DBInstanceAlreadyExistsFault', 'DBInstanceAlreadyExists'],
      ownership: `not tagged ${drillTagsDescription(this.source, start)}`,
      isOurs: async () => {
        const existing = await describeDbInstance(this.ctx.clients, this.region, scratch);
        return existing !== undefined && isCopyOfThisDrill(await this.tags(existing), this.source, start);
      },
      create: () =>
        this.ctx.clients.rds(this.region).send(
          new RestoreDBInstanceToPointInTimeCommand({
            SourceDBInstanceIdentifier: this.source,
            TargetDBInstanceIdentifier: scratch,
            ...(point.kind === 'latest' ? { UseLatestRestorableTime: true } : { RestoreTime: point.time }),
            DBInstanceClass: this.plan.instanceClass,
            ...(subnetGroup ? { DBSubnetGroupName: subnetGroup } : {}),
            ...(groups.length > 0 ? { VpcSecurityGroupIds: groups } : {}),
            ...(parameters ? { DBParameterGroupName: parameters } : {}),
            MultiAZ: false,
            PubliclyAccessible: false,
            DeletionProtection: false,
            AutoMinorVersionUpgrade: false,
            CopyTagsToSnapshot: false,
            Tags: drillTags(this.source, start),
          }),
        ),
    });
  }

  async state(scratch: string): Promise<ScratchState | undefined> {
    const instance = await describeDbInstance(this.ctx.clients, this.region, scratch);
    if (!instance) return undefined;
    const status = instance.DBInstanceStatus ?? 'unknown';
    return { status, ready: status === 'available', failed: FAILED_RESTORE_STATUSES.includes(status) };
  }

  async checkRestored(scratch: string): Promise<CheckResult[]> {
    const instance = await describeDbInstance(this.ctx.clients, this.region, scratch);
    const base = { database: this.plan.name, kind: RDS_INSTANCE_KIND, resource: scratch };
    if (!instance) return [{ ...base, check: 'exists', status: 'fail', planned: 'restored copy', live: 'not found' }];
    const source = this.sourceInstance!;
    const keyArn = instance.StorageEncrypted && instance.KmsKeyId ? await this.ctx.keys.keyArn(this.region, instance.KmsKeyId) : undefined;
    const sourceKey = this.sourceKeyArn ? shortKeyName(this.sourceKeyArn) : 'source not encrypted';
    const liveKey = !instance.StorageEncrypted ? 'not encrypted' : keyArn ? shortKeyName(keyArn) : (instance.KmsKeyId ?? 'key unknown');
    return [
      equalityCheck({ ...base, check: 'status', planned: 'available', live: instance.DBInstanceStatus ?? 'unknown' }),
      {
        ...base,
        check: 'encryption',
        status: this.sourceKeyArn !== undefined && keyArn === this.sourceKeyArn ? 'pass' : 'fail',
        planned: `same key as source (${sourceKey})`,
        live: liveKey,
      },
      equalityCheck({ ...base, check: 'engine', planned: this.plan.engine, live: instance.Engine ?? 'unknown' }),
      equalityCheck({ ...base, check: 'engine version', planned: this.plan.engineVersion, live: instance.EngineVersion ?? 'unknown' }),
      equalityCheck({ ...base, check: 'instance class', planned: this.plan.instanceClass, live: instance.DBInstanceClass ?? 'unknown' }),
      equalityCheck({
        ...base,
        check: 'subnet group',
        planned: source.DBSubnetGroup?.DBSubnetGroupName ?? '(none)',
        live: instance.DBSubnetGroup?.DBSubnetGroupName ?? '(none)',
      }),
      equalityCheck({ ...base, check: 'parameter group', planned: parameterGroup(source) ?? '(default)', live: parameterGroup(instance) ?? '(default)' }),
      equalityCheck({
        ...base,
        check: 'drill tag',
        planned: `${DRILL_TAG_KEY}=true`,
        live: hasDrillTag(await this.tags(instance), this.source) ? `${DRILL_TAG_KEY}=true` : 'missing',
      }),
    ];
  }

  async requestDeletion(scratch: string): Promise<DeletionRequest> {
    this.guard(scratch);
    const instance = await describeDbInstance(this.ctx.clients, this.region, scratch);
    if (!instance) return { requested: [] };
    const resource: ScratchResource = { type: LABEL, id: scratch };
    if (!hasDrillTag(await this.tags(instance), this.source)) {
      throw new Error(`Refusing to delete ${scratch}: it is not tagged ${DRILL_TAG_KEY}=true and ${DRILL_SOURCE_TAG_KEY}=${this.source}.`);
    }
    if (instance.DBInstanceStatus === 'deleting') return { requested: [resource] };
    const rds = this.ctx.clients.rds(this.region);
    const notes: string[] = [];
    // The action in flight, so a failure names the call that failed (and the permission it needs).
    let action = 'rds:ModifyDBInstance';
    try {
      if (instance.DeletionProtection) {
        this.guard(scratch);
        await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: scratch, DeletionProtection: false, ApplyImmediately: true }));
        notes.push(`turned off deletion protection of ${scratch} (the restore set it)`);
      }
      action = 'rds:DeleteDBInstance';
      this.guard(scratch);
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: scratch, SkipFinalSnapshot: true, DeleteAutomatedBackups: true }));
    } catch (error) {
      const name = awsErrorName(error);
      if (name === 'InvalidDBInstanceStateFault' || name === 'InvalidDBInstanceState') {
        return { notYet: `${scratch} is ${instance.DBInstanceStatus ?? 'busy'}` };
      }
      // It existed a moment ago: "not found" now is our own delete whose response was lost and retried.
      if (name === 'DBInstanceNotFoundFault' || name === 'DBInstanceNotFound') return { requested: [resource], notes };
      throw describeAwsError(error, this.context(action, scratch));
    }
    return { requested: [resource], notes };
  }

  async leftovers(scratch: string): Promise<ScratchResource[]> {
    const left: ScratchResource[] = [];
    const instance = await describeDbInstance(this.ctx.clients, this.region, scratch);
    if (instance) left.push({ type: LABEL, id: scratch, state: instance.DBInstanceStatus });
    for (const backup of await describeAutomatedBackups(this.ctx.clients, this.region, scratch)) {
      if (backup.DBInstanceIdentifier === scratch && !instance) {
        left.push({ type: 'automated backups', id: backup.DBInstanceAutomatedBackupsArn ?? scratch, state: backup.Status });
      }
    }
    const snapshots = await awsCollect(
      this.context('rds:DescribeDBSnapshots', scratch),
      () => paginateDescribeDBSnapshots({ client: this.ctx.clients.rds(this.region) }, { DBInstanceIdentifier: scratch }),
      (page) => page.DBSnapshots,
      true,
    );
    for (const snapshot of snapshots) {
      if (snapshot.DBInstanceIdentifier === scratch && !instance) {
        left.push({ type: `${snapshot.SnapshotType ?? ''} snapshot`.trim(), id: snapshot.DBSnapshotIdentifier ?? '?', state: snapshot.Status });
      }
    }
    return left;
  }

  /** DescribeDBInstances carries the tags; older responses may not, then ListTagsForResource does. */
  private async tags(instance: DBInstance): Promise<Tag[]> {
    if (instance.TagList || !instance.DBInstanceArn) return instance.TagList ?? [];
    const arn = instance.DBInstanceArn;
    const result = await awsCall(this.context('rds:ListTagsForResource', instance.DBInstanceIdentifier ?? arn), () =>
      this.ctx.clients.rds(this.region).send(new ListTagsForResourceCommand({ ResourceName: arn })),
    );
    return result.TagList ?? [];
  }

  manualCleanup(scratch: string): string {
    return `aws rds delete-db-instance --region ${this.region} --db-instance-identifier ${scratch} --skip-final-snapshot --delete-automated-backups`;
  }

  /** The one rule of a drill: never modify anything but this source's scratch copy. */
  private guard(scratch: string): void {
    if (!isScratchIdentifierOf(scratch, this.source)) {
      throw new Error(`BUG: refusing to modify ${scratch}: not a drill copy of ${this.source}`);
    }
  }

  private context(action: string, resource: string) {
    return { action, region: this.region, resource, endpoint: this.ctx.clients.endpointUrl };
  }
}

/** Without a reported window: the later of the instance's creation and the retention period before its latest time. */
function estimatedEarliest(instance: DBInstance): Date | undefined {
  const created = instance.InstanceCreateTime?.getTime();
  const latest = instance.LatestRestorableTime?.getTime();
  const retention = instance.BackupRetentionPeriod ?? 0;
  const candidates = [created, latest === undefined ? undefined : latest - retention * 24 * 3600 * 1000].filter((t): t is number => t !== undefined);
  return candidates.length > 0 ? new Date(Math.max(...candidates)) : undefined;
}

function securityGroups(instance: DBInstance): string[] {
  return (instance.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter(Boolean);
}

function parameterGroup(instance: DBInstance): string | undefined {
  return instance.DBParameterGroups?.[0]?.DBParameterGroupName;
}

/** Tagged as a drill copy of this source (both tags): the condition for deleting anything. */
export function hasDrillTag(tags: readonly Tag[], source: string): boolean {
  return tags.some((t) => t.Key === DRILL_TAG_KEY && t.Value === 'true') && tags.some((t) => t.Key === DRILL_SOURCE_TAG_KEY && t.Value === source);
}
