/**
 * What verify compares for an Aurora cluster, as tables of rows like rds-instance-checks.ts. The primary cluster and
 * each secondary cluster of a global database get the cluster rows, read in their own region with their region's
 * key; the recovery rows (latest restorable time, restore window) belong to the primary, whose backups a restore
 * uses. Then each planned instance: present, available, in the cluster in its planned role, its class and promotion
 * tier. Pure.
 */
import type { DBInstance, GlobalCluster } from '@aws-sdk/client-rds';
import type { AuroraCapacityPlan, AuroraClusterCommonPlan, AuroraInstancePlan, RecoveryPlan } from '../../plan/plan-types';
import { CheckResult, CheckStatus, equalityCheck } from '../check-result';
import { days, onOff } from '../report/format';
import type { AuroraClusterLive } from './aurora-cluster-live';
import { arnAccount, HEALTHY_RDS_STATUSES } from './rds-instance-checks';
import { encryptionRow, latestRestorableRow, restoreWindowRow } from './shared-rows';

export const AURORA_CLUSTER_KIND = 'aurora-cluster';

/** Aurora Serverless v2 instances all have this class; their capacity is the cluster's scaling configuration. */
export const SERVERLESS_V2_CLASS = 'db.serverless';

export interface AuroraClusterFacts {
  /** The config name of the database. */
  readonly database: string;
  readonly cluster: AuroraClusterCommonPlan;
  /** The primary's recovery plan; undefined for a secondary cluster. */
  readonly recovery?: RecoveryPlan;
  /** The planned global database: its identifier and what DescribeGlobalClusters said (undefined: not found). */
  readonly global?: { readonly identifier: string; readonly live?: GlobalCluster };
  /** The region's key alias resolved to its key ARN; undefined when KMS does not know the alias. */
  readonly plannedKeyArn?: string;
  /** Undefined when the cluster does not exist in its region. */
  readonly live?: AuroraClusterLive;
  readonly now: Date;
}

type Facts = AuroraClusterFacts & { live: AuroraClusterLive };
type Row = (facts: Facts) => { check: string; status?: CheckStatus; planned: string; live: string } | undefined;

export const plannedInstanceClass = (capacity: AuroraCapacityPlan) => (capacity.mode === 'provisioned' ? capacity.instanceClass : SERVERLESS_V2_CLASS);

/** `Serverless v2 0.5–4 ACUs`, with `, pauses after 30 min` when planned. */
function describeCapacity(min: number | undefined, max: number | undefined, pauseMinutes?: number): string {
  return `Serverless v2 ${min ?? '?'}–${max ?? '?'} ACUs${pauseMinutes !== undefined ? `, pauses after ${pauseMinutes} min` : ''}`;
}

export const AURORA_CLUSTER_ROWS: readonly Row[] = [
  ({ live }) => {
    const status = live.cluster.Status ?? 'unknown';
    return { check: 'status', status: HEALTHY_RDS_STATUSES.includes(status) ? 'pass' : 'fail', planned: 'available', live: status };
  },
  ({ cluster, live }) => ({ check: 'account', planned: cluster.account, live: arnAccount(live.cluster.DBClusterArn) ?? 'unknown' }),
  ({ cluster, live }) => ({ check: 'engine', planned: cluster.engine, live: live.cluster.Engine ?? 'unknown' }),
  ({ cluster, live }) => ({ check: 'engine version', planned: cluster.engineVersion, live: live.cluster.EngineVersion ?? 'unknown' }),
  ({ cluster, plannedKeyArn, live }) => ({
    check: 'encryption',
    ...encryptionRow({
      plannedKey: `${cluster.keyAlias} in ${cluster.region}`,
      keyAlias: cluster.keyAlias,
      plannedKeyArn,
      encrypted: live.cluster.StorageEncrypted,
      liveKeyId: live.cluster.KmsKeyId,
      liveKeyArn: live.keyArn,
    }),
  }),
  ({ cluster, live }) => ({ check: 'backup retention', planned: days(cluster.backupRetentionDays), live: days(live.cluster.BackupRetentionPeriod ?? 0) }),
  ({ recovery, live, now }) =>
    recovery?.rpoMinutes === undefined
      ? undefined
      : { check: 'point-in-time recovery', ...latestRestorableRow(recovery.rpoMinutes, live.cluster.LatestRestorableTime, now) },
  ({ recovery, live, now }) =>
    recovery === undefined
      ? undefined
      : {
          check: 'restore window',
          ...restoreWindowRow(recovery.restorableWindowDays, live.cluster.EarliestRestorableTime, live.cluster.ClusterCreateTime, now),
        },
  ({ cluster, live }) => ({ check: 'deletion protection', planned: onOff(cluster.deletionProtection), live: onOff(live.cluster.DeletionProtection) }),
  ({ cluster: { capacity }, live }) => {
    if (capacity.mode !== 'serverless-v2') return undefined;
    const scaling = live.cluster.ServerlessV2ScalingConfiguration;
    const pause = scaling?.SecondsUntilAutoPause;
    return {
      check: 'capacity',
      planned: describeCapacity(capacity.minCapacity, capacity.maxCapacity, capacity.autoPauseMinutes),
      live: scaling
        ? describeCapacity(scaling.MinCapacity, scaling.MaxCapacity, capacity.autoPauseMinutes !== undefined && pause !== undefined ? pause / 60 : undefined)
        : 'no Serverless v2 scaling configuration',
    };
  },
  (facts) => (facts.global ? { check: 'global database', ...globalMembership(facts) } : undefined),
];

function globalMembership({ cluster, recovery, global, live }: Facts) {
  const { identifier } = global!;
  const primary = recovery !== undefined;
  const planned = primary ? `writer of ${identifier}` : `secondary of ${identifier}`;
  if (!global!.live) return { status: 'fail' as const, planned, live: `global cluster ${identifier} not found` };
  const arn = live.cluster.DBClusterArn ?? `arn:aws:rds:${cluster.region}:${cluster.account}:cluster:${cluster.clusterIdentifier}`;
  const member = (global!.live.GlobalClusterMembers ?? []).find((m) => m.DBClusterArn === arn);
  const liveText = !member ? `not a member of ${identifier}` : member.IsWriter ? `writer of ${identifier}` : `secondary of ${identifier}`;
  return { planned, live: liveText };
}

/** Rows of one planned instance; `secondary`: every instance is a reader and AWS names none the writer. */
function instanceChecks(facts: Facts, instance: AuroraInstancePlan): CheckResult[] {
  const { database, cluster, live } = facts;
  const base = { database, kind: AURORA_CLUSTER_KIND, resource: instance.identifier };
  const found = live.instances.get(instance.identifier);
  if (!found) {
    return [{ ...base, check: 'exists', status: 'fail', planned: `${instance.role} in ${cluster.clusterIdentifier}`, live: `not found in ${cluster.region}` }];
  }
  const status = found.DBInstanceStatus ?? 'unknown';
  return [
    { ...base, check: 'status', status: HEALTHY_RDS_STATUSES.includes(status) ? 'pass' : 'fail', planned: 'available', live: status },
    equalityCheck({ ...base, check: 'role', planned: `${instance.role} in ${cluster.clusterIdentifier}`, live: liveRole(facts, found) }),
    equalityCheck({ ...base, check: 'instance class', planned: plannedInstanceClass(cluster.capacity), live: found.DBInstanceClass ?? 'unknown' }),
    equalityCheck({ ...base, check: 'promotion tier', planned: String(instance.promotionTier), live: String(found.PromotionTier ?? 'unknown') }),
  ];
}

function liveRole({ cluster, recovery, live }: Facts, instance: DBInstance): string {
  if (instance.DBClusterIdentifier !== cluster.clusterIdentifier)
    return instance.DBClusterIdentifier ? `in ${instance.DBClusterIdentifier}` : 'not in a cluster';
  const member = (live.cluster.DBClusterMembers ?? []).find((m) => m.DBInstanceIdentifier === instance.DBInstanceIdentifier);
  if (!member) return `not a member of ${cluster.clusterIdentifier}`;
  // A secondary cluster's instances are all read-only, whichever of them the cluster lists as its writer.
  const writer = recovery !== undefined && member.IsClusterWriter;
  return `${writer ? 'writer' : 'reader'} in ${cluster.clusterIdentifier}`;
}

export function auroraClusterChecks(facts: AuroraClusterFacts): CheckResult[] {
  const { database, cluster, live, recovery } = facts;
  const base = { database, kind: AURORA_CLUSTER_KIND, resource: cluster.clusterIdentifier };
  if (!live) {
    const what = recovery ? 'DB cluster' : 'secondary DB cluster';
    return [
      {
        ...base,
        check: recovery ? 'exists' : 'secondary exists',
        status: 'fail',
        planned: `${what} in ${cluster.region}`,
        live: `not found in ${cluster.region}`,
      },
    ];
  }
  const rows = AURORA_CLUSTER_ROWS.flatMap((row) => {
    const values = row({ ...facts, live });
    if (!values) return [];
    const { status, ...rest } = values;
    return [status ? { ...base, ...rest, status } : equalityCheck({ ...base, ...rest })];
  });
  return [...rows, ...cluster.instances.flatMap((instance) => instanceChecks({ ...facts, live }, instance))];
}
