/**
 * Restore drill of a DynamoDB table: RestoreTableToPointInTime in the table's primary region to
 * `<table>-drill-<yyyymmdd>-<hhmmss>`, encrypted with the region's key (SSESpecificationOverride: a restore otherwise
 * falls back to the AWS owned key), without replicas (a restore is always a single-region table), then tagged as a
 * drill (RestoreTableToPointInTime takes no tags); then DeleteTable. A copy is deleted only under its scratch name
 * and only if DynamoDB says it was restored from this source (RestoreSummary.SourceTableArn) or it carries the drill
 * tags, so an untagged copy (tagging failed) is still cleaned up and nothing else ever is.
 */
import {
  DeleteTableCommand,
  ListTagsOfResourceCommand,
  RestoreTableToPointInTimeCommand,
  TableDescription,
  TagResourceCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamodbTablePlan } from '../../plan/plan-types';
import { CheckResult, equalityCheck } from '../check-result';
import { awsCall } from '../aws/aws-call';
import { awsErrorName, describeAwsError } from '../aws/aws-errors';
import { shortKeyName } from '../aws/kms-keys';
import type { OperationsContext } from '../operations-context';
import { DYNAMODB_TABLE_KIND, describeLiveKeys, describePlannedKeys, liveBillingMode } from '../verify/dynamodb-table-checks';
import { describeContinuousBackups, describeTable } from '../verify/dynamodb-table-live';
import type { DeletionRequest, DrillSource, DrillStrategy, ScratchResource, ScratchState } from './drill-strategy';
import { createOnce } from './create-once';
import type { RestorePoint } from './restore-point';
import { DRILL_SOURCE_TAG_KEY, DRILL_TAG_KEY, drillTags, isScratchIdentifierOf, scratchIdentifier } from './scratch-identifier';

/** DynamoDB table names are up to 255 characters. */
export const DYNAMODB_TABLE_NAME_MAX_LENGTH = 255;

/** Statuses from which a restored table will not become ACTIVE. */
const FAILED_TABLE_STATUSES: readonly string[] = ['INACCESSIBLE_ENCRYPTION_CREDENTIALS', 'ARCHIVED', 'ARCHIVING'];

const LABEL = 'DynamoDB table';

export class DynamodbTableDrill implements DrillStrategy {
  readonly label = LABEL;
  readonly source: string;
  readonly region: string;
  private sourceTable?: TableDescription;
  private sourceKeyArn?: string;

  constructor(
    private readonly plan: DynamodbTablePlan,
    private readonly ctx: OperationsContext,
  ) {
    this.source = plan.tableName;
    this.region = plan.region;
  }

  scratchIdentifier(start: Date): string {
    return scratchIdentifier(this.source, start, DYNAMODB_TABLE_NAME_MAX_LENGTH);
  }

  async readSource(): Promise<DrillSource | undefined> {
    const table = await describeTable(this.ctx.clients, this.region, this.source);
    if (!table) return undefined;
    this.sourceTable = table;
    const kmsKey = table.SSEDescription?.KMSMasterKeyArn;
    this.sourceKeyArn = kmsKey ? await this.ctx.keys.keyArn(this.region, kmsKey) : undefined;
    const pitr = (await describeContinuousBackups(this.ctx.clients, this.region, this.source))?.PointInTimeRecoveryDescription;
    const enabled = pitr?.PointInTimeRecoveryStatus === 'ENABLED';
    const key = this.sourceKeyArn ? shortKeyName(this.sourceKeyArn) : 'AWS owned key';
    return {
      summary: `${table.TableStatus}, ${describeLiveKeys(table)}, ${liveBillingMode(table)}, ${key}, point-in-time recovery ${
        enabled ? `on${pitr.RecoveryPeriodInDays ? ` (${pitr.RecoveryPeriodInDays} days)` : ''}` : 'off'
      }`,
      window: enabled && pitr.LatestRestorableDateTime ? { earliest: pitr.EarliestRestorableDateTime, latest: pitr.LatestRestorableDateTime } : undefined,
      noWindowReason: 'point-in-time recovery is off',
      placement: [
        `${this.region} only (a restored table has no replicas), key ${shortKeyName(this.plan.keyAliasArn)}`,
        `billing ${liveBillingMode(table)}, no deletion protection`,
      ],
    };
  }

  async scratchExists(scratch: string): Promise<boolean> {
    return (await describeTable(this.ctx.clients, this.region, scratch)) !== undefined;
  }

  async restore(scratch: string, point: RestorePoint, start: Date): Promise<void> {
    this.guard(scratch);
    if (!this.sourceTable) throw new Error('BUG: restore before readSource');
    const dynamodb = this.ctx.clients.dynamodb(this.region);
    let arn: string | undefined;
    await createOnce({
      context: this.context('dynamodb:RestoreTableToPointInTime', scratch),
      alreadyExists: ['TableAlreadyExistsException'],
      // RestoreTableToPointInTime takes no tags (they follow below), so a copy whose response was lost is known by
      // its restore source and its name, which carries this drill's start second.
      ownership: `not restored from ${this.source}`,
      isOurs: async () => {
        const existing = await describeTable(this.ctx.clients, this.region, scratch);
        arn = existing?.TableArn;
        return existing !== undefined && this.sourceTable?.TableArn !== undefined && existing.RestoreSummary?.SourceTableArn === this.sourceTable.TableArn;
      },
      create: async () => {
        const restored = await dynamodb.send(
          new RestoreTableToPointInTimeCommand({
            SourceTableName: this.source,
            TargetTableName: scratch,
            ...(point.kind === 'latest' ? { UseLatestRestorableTime: true } : { RestoreDateTime: point.time }),
            SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: this.plan.keyAliasArn },
          }),
        );
        arn = restored.TableDescription?.TableArn;
      },
    });
    if (!arn) return;
    this.guard(scratch);
    await awsCall(this.context('dynamodb:TagResource', scratch), () =>
      dynamodb.send(new TagResourceCommand({ ResourceArn: arn, Tags: drillTags(this.source, start) })),
    );
  }

  async state(scratch: string): Promise<ScratchState | undefined> {
    const table = await describeTable(this.ctx.clients, this.region, scratch);
    if (!table) return undefined;
    const restoring = table.RestoreSummary?.RestoreInProgress === true;
    const status = table.TableStatus ?? 'unknown';
    return {
      status: restoring && status === 'ACTIVE' ? 'restoring' : status.toLowerCase(),
      ready: status === 'ACTIVE' && !restoring,
      failed: FAILED_TABLE_STATUSES.includes(status),
    };
  }

  async checkRestored(scratch: string): Promise<CheckResult[]> {
    const table = await describeTable(this.ctx.clients, this.region, scratch);
    const base = { database: this.plan.name, kind: DYNAMODB_TABLE_KIND, resource: scratch };
    if (!table) return [{ ...base, check: 'exists', status: 'fail', planned: 'restored copy', live: 'not found' }];
    const kmsKey = table.SSEDescription?.KMSMasterKeyArn;
    const keyArn = kmsKey ? await this.ctx.keys.keyArn(this.region, kmsKey) : undefined;
    const sourceKey = this.sourceKeyArn ? shortKeyName(this.sourceKeyArn) : 'source on the AWS owned key';
    return [
      equalityCheck({ ...base, check: 'status', planned: 'ACTIVE', live: table.TableStatus ?? 'unknown' }),
      {
        ...base,
        check: 'encryption',
        status: this.sourceKeyArn !== undefined && keyArn === this.sourceKeyArn ? 'pass' : 'fail',
        planned: `same key as source (${sourceKey})`,
        live: keyArn ? shortKeyName(keyArn) : kmsKey ? shortKeyName(kmsKey) : 'AWS owned key',
      },
      equalityCheck({ ...base, check: 'keys', planned: describePlannedKeys(this.plan), live: describeLiveKeys(table) }),
      equalityCheck({
        ...base,
        check: 'restored from',
        planned: this.sourceTable?.TableArn ?? this.source,
        live: table.RestoreSummary?.SourceTableArn ?? 'not reported',
      }),
      equalityCheck({
        ...base,
        check: 'drill tag',
        planned: `${DRILL_TAG_KEY}=true`,
        live: hasDrillTags(await this.tags(table), this.source) ? `${DRILL_TAG_KEY}=true` : 'missing',
      }),
    ];
  }

  async requestDeletion(scratch: string): Promise<DeletionRequest> {
    this.guard(scratch);
    const table = await describeTable(this.ctx.clients, this.region, scratch);
    if (!table) return { requested: [] };
    const resource: ScratchResource = { type: LABEL, id: scratch };
    const restoredFromSource = this.sourceTable?.TableArn !== undefined && table.RestoreSummary?.SourceTableArn === this.sourceTable.TableArn;
    if (!restoredFromSource && !hasDrillTags(await this.tags(table), this.source)) {
      throw new Error(
        `Refusing to delete ${scratch}: it is neither restored from ${this.source} nor tagged ${DRILL_TAG_KEY}=true and ${DRILL_SOURCE_TAG_KEY}=${this.source}.`,
      );
    }
    if (table.TableStatus === 'DELETING') return { requested: [resource] };
    const dynamodb = this.ctx.clients.dynamodb(this.region);
    const notes: string[] = [];
    // The action in flight, so a failure names the call that failed (and the permission it needs).
    let action = 'dynamodb:UpdateTable';
    try {
      if (table.DeletionProtectionEnabled) {
        this.guard(scratch);
        await dynamodb.send(new UpdateTableCommand({ TableName: scratch, DeletionProtectionEnabled: false }));
        notes.push(`turned off deletion protection of ${scratch}`);
      }
      action = 'dynamodb:DeleteTable';
      this.guard(scratch);
      await dynamodb.send(new DeleteTableCommand({ TableName: scratch }));
    } catch (error) {
      const name = awsErrorName(error);
      if (name === 'ResourceInUseException') return { notYet: `${scratch} is ${(table.TableStatus ?? 'busy').toLowerCase()}` };
      // It existed a moment ago: "not found" now is our own delete whose response was lost and retried.
      if (name === 'ResourceNotFoundException') return { requested: [resource], notes };
      throw describeAwsError(error, this.context(action, scratch));
    }
    return { requested: [resource], notes };
  }

  async leftovers(scratch: string): Promise<ScratchResource[]> {
    const table = await describeTable(this.ctx.clients, this.region, scratch);
    return table ? [{ type: LABEL, id: scratch, state: table.TableStatus?.toLowerCase() }] : [];
  }

  manualCleanup(scratch: string): string {
    return `aws dynamodb delete-table --region ${this.region} --table-name ${scratch}`;
  }

  private async tags(table: TableDescription): Promise<{ Key?: string; Value?: string }[]> {
    const arn = table.TableArn;
    if (!arn) return [];
    const result = await awsCall(this.context('dynamodb:ListTagsOfResource', table.TableName ?? arn), () =>
      this.ctx.clients.dynamodb(this.region).send(new ListTagsOfResourceCommand({ ResourceArn: arn })),
    );
    return result.Tags ?? [];
  }

  /** The one rule of a drill: never modify anything but this source's scratch copy. */
  private guard(scratch: string): void {
    if (!isScratchIdentifierOf(scratch, this.source, DYNAMODB_TABLE_NAME_MAX_LENGTH)) {
      throw new Error(`BUG: refusing to modify ${scratch}: not a drill copy of ${this.source}`);
    }
  }

  private context(action: string, resource: string) {
    return { action, region: this.region, resource, endpoint: this.ctx.clients.endpointUrl };
  }
}

function hasDrillTags(tags: readonly { Key?: string; Value?: string }[], source: string): boolean {
  return tags.some((t) => t.Key === DRILL_TAG_KEY && t.Value === 'true') && tags.some((t) => t.Key === DRILL_SOURCE_TAG_KEY && t.Value === source);
}
