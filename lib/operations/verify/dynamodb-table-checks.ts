/**
 * What verify compares for a DynamoDB table, as tables of rows like rds-instance-checks.ts. The table in its primary
 * region gets the table rows (keys, billing, the global table's replica list) and the protection rows; every planned
 * replica region gets the protection rows again, read in that region: DynamoDB keeps point-in-time recovery,
 * encryption and deletion protection per replica, and a replica without PITR is a gap in the recovery plan. Pure.
 */
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { DynamodbKeySettings } from '../../../constructs/aws/dynamodb/tables/dynamodb-table-checks';
import type { DynamodbTablePlan } from '../../plan/plan-types';
import { CheckResult, CheckStatus, equalityCheck } from '../check-result';
import { shortKeyName } from '../aws/kms-keys';
import { days, formatDuration, formatTime, onOff } from '../report/format';
import type { DynamodbTableLive } from './dynamodb-table-live';
import { arnAccount } from './rds-instance-checks';

export const DYNAMODB_TABLE_KIND = 'dynamodb-table';

export interface DynamodbRegionFacts {
  readonly plan: DynamodbTablePlan;
  readonly region: string;
  /** The key alias of this region, as an ARN; resolved below. */
  readonly keyAliasArn: string;
  /** The planned alias resolved to its key ARN; undefined when KMS does not know it. */
  readonly plannedKeyArn?: string;
  /** Undefined when the table does not exist in this region. */
  readonly live?: DynamodbTableLive;
  readonly now: Date;
}

type Facts = DynamodbRegionFacts & { live: DynamodbTableLive };
type Row = (facts: Facts) => { check: string; status?: CheckStatus; planned: string; live: string };

const ATTRIBUTE_TYPE: Readonly<Record<DynamodbKeySettings['type'], string>> = { string: 'S', number: 'N', binary: 'B' };

/** `sessionId (S)`, `userId (S), createdAt (N)`: the partition key, then the sort key. */
export function describePlannedKeys(plan: DynamodbTablePlan): string {
  const { partitionKey, sortKey } = plan.settings;
  return [partitionKey, ...(sortKey ? [sortKey] : [])].map((k) => `${k.name} (${ATTRIBUTE_TYPE[k.type]})`).join(', ');
}

export function describeLiveKeys(table: TableDescription): string {
  const types = new Map((table.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const order = ['HASH', 'RANGE'];
  return [...(table.KeySchema ?? [])]
    .sort((a, b) => order.indexOf(a.KeyType ?? '') - order.indexOf(b.KeyType ?? ''))
    .map((k) => `${k.AttributeName} (${types.get(k.AttributeName) ?? '?'})`)
    .join(', ');
}

/** DynamoDB reports no BillingModeSummary for a table that was always provisioned. */
export function liveBillingMode(table: TableDescription): string {
  const mode = table.BillingModeSummary?.BillingMode;
  return mode === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned';
}

/** Rows of the table in every region it lives in: its primary region and each replica region. */
export const DYNAMODB_REGION_ROWS: readonly Row[] = [
  ({ live }) => {
    const status = live.table.TableStatus ?? 'unknown';
    return { check: 'status', status: status === 'ACTIVE' || status === 'UPDATING' ? 'pass' : 'fail', planned: 'ACTIVE', live: status };
  },
  (facts) => ({ check: 'encryption', ...encryption(facts) }),
  (facts) => ({ check: 'point-in-time recovery', ...pointInTimeRecovery(facts) }),
  (facts) => ({ check: 'recovery period', ...recoveryPeriod(facts) }),
  ({ plan, live }) => ({ check: 'deletion protection', planned: onOff(plan.deletionProtection), live: onOff(live.table.DeletionProtectionEnabled) }),
];

/** Rows of the table in its primary region only, before the region rows. */
export const DYNAMODB_TABLE_ROWS: readonly Row[] = [
  ({ plan, live }) => ({ check: 'account', planned: plan.account, live: arnAccount(live.table.TableArn) ?? 'unknown' }),
  ({ plan, live }) => ({ check: 'keys', planned: describePlannedKeys(plan), live: describeLiveKeys(live.table) }),
  ({ plan, live }) => ({ check: 'billing', planned: plan.settings.billing.mode, live: liveBillingMode(live.table) }),
  (facts) => ({ check: 'replicas', ...replicas(facts) }),
];

/** `sample-sessions` in its primary region, `sample-sessions@eu-central-1` for a replica. */
export const regionResource = (plan: DynamodbTablePlan, region: string) => (region === plan.region ? plan.tableName : `${plan.tableName}@${region}`);

export function dynamodbRegionChecks(facts: DynamodbRegionFacts): CheckResult[] {
  const { plan, region, live } = facts;
  const base = { database: plan.name, kind: DYNAMODB_TABLE_KIND, resource: regionResource(plan, region) };
  const primary = region === plan.region;
  if (!live) {
    return [
      {
        ...base,
        check: primary ? 'exists' : 'replica exists',
        status: 'fail',
        planned: primary ? `table in ${region}` : `replica in ${region}`,
        live: `not found in ${region}`,
      },
    ];
  }
  const rows = primary ? [DYNAMODB_REGION_ROWS[0], ...DYNAMODB_TABLE_ROWS, ...DYNAMODB_REGION_ROWS.slice(1)] : DYNAMODB_REGION_ROWS;
  return rows.map((row) => {
    const { status, ...values } = row({ ...facts, live });
    return status ? { ...base, ...values, status } : equalityCheck({ ...base, ...values });
  });
}

function encryption({ region, keyAliasArn, plannedKeyArn, live }: Facts) {
  const alias = shortKeyName(keyAliasArn);
  const plannedKey = plannedKeyArn ? shortKeyName(plannedKeyArn) : 'alias not found in KMS';
  const fail = (liveText: string) => ({ status: 'fail' as const, planned: `${alias} in ${region} (${plannedKey})`, live: liveText });
  const sse = live.table.SSEDescription;
  if (!sse || sse.Status === 'DISABLED' || sse.SSEType !== 'KMS' || !sse.KMSMasterKeyArn) return fail('AWS owned key');
  if (sse.Status !== 'ENABLED' && sse.Status !== 'UPDATING')
    return fail(`key ${(sse.Status ?? 'unknown').toLowerCase()}: ${shortKeyName(sse.KMSMasterKeyArn)}`);
  if (plannedKeyArn === undefined || live.keyArn !== plannedKeyArn) return fail(shortKeyName(live.keyArn ?? sse.KMSMasterKeyArn));
  return { status: 'pass' as const, planned: `${alias} in ${region}`, live: `${shortKeyName(live.keyArn)} (${alias})` };
}

function pointInTimeRecovery({ plan, live, now }: Facts) {
  const pitr = live.backups?.PointInTimeRecoveryDescription;
  const enabled = pitr?.PointInTimeRecoveryStatus === 'ENABLED';
  const rpo = plan.recovery.rpoMinutes;
  if (!plan.recovery.pointInTimeRecovery) return { planned: 'off', live: onOff(enabled) };
  const planned = rpo === undefined ? 'on' : `on, latest restorable time within ${rpo} min`;
  if (!enabled) return { status: 'fail' as const, planned, live: pitr?.PointInTimeRecoveryStatus ? pitr.PointInTimeRecoveryStatus.toLowerCase() : 'off' };
  const latest = pitr.LatestRestorableDateTime;
  if (rpo === undefined) return { status: 'pass' as const, planned, live: 'on' };
  if (!latest) return { status: 'fail' as const, planned, live: 'on, no latest restorable time' };
  const lag = now.getTime() - latest.getTime();
  return { status: lag <= rpo * 60_000 ? ('pass' as const) : ('fail' as const), planned, live: `on, ${formatDuration(lag)} ago (${formatTime(latest)})` };
}

function recoveryPeriod({ plan, live }: Facts) {
  const planned = plan.recovery.pointInTimeRecovery ? days(plan.recovery.restorableWindowDays) : 'none';
  const pitr = live.backups?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED')
    return { status: plan.recovery.pointInTimeRecovery ? ('fail' as const) : ('pass' as const), planned, live: 'none' };
  const period = pitr.RecoveryPeriodInDays;
  if (period === undefined) return { status: 'skip' as const, planned, live: 'not reported by the service' };
  return { planned, live: days(period) };
}

/** The global table's replicas as the primary reports them: every planned region ACTIVE, none unplanned. */
function replicas({ plan, live }: Facts) {
  const planned = plan.replicas.map((r) => r.region);
  const reported = (live.table.Replicas ?? []).filter((r) => r.RegionName && r.RegionName !== plan.region);
  const plannedText = planned.length === 0 ? 'none' : planned.map((region) => `${region} ACTIVE`).join(', ');
  if (planned.length === 0 && reported.length === 0) return { planned: plannedText, live: 'none' };
  const liveText = reported.length === 0 ? 'none (not a global table)' : reported.map((r) => `${r.RegionName} ${r.ReplicaStatus ?? '?'}`).join(', ');
  const ok = reported.length === planned.length && planned.every((region) => reported.some((r) => r.RegionName === region && r.ReplicaStatus === 'ACTIVE'));
  return { status: ok ? ('pass' as const) : ('fail' as const), planned: plannedText, live: liveText };
}
