/**
 * What verify compares for an ElastiCache replication group, as rows like dynamodb-table-checks.ts: it exists and
 * is available, engine and version, node type and layout, encryption at rest with the region's planned key, transit
 * encryption required, AUTH on, Multi-AZ and automatic failover, snapshot retention. Each Global Datastore secondary
 * gets the rows that are its own (existence, status, key, transit encryption, Multi-AZ) in its region. Pure.
 */
import type { ElasticacheClusterPlan, ElasticacheGroupPlan } from '../../plan/plan-types';
import { type CheckResult, type CheckStatus, equalityCheck } from '../check-result';
import { shortKeyName } from '../aws/kms-keys';
import { days, onOff } from '../report/format';
import type { ElasticacheGroupLive } from './elasticache-cluster-live';

export const ELASTICACHE_CLUSTER_KIND = 'elasticache-cluster';

export interface ElasticacheGroupFacts {
  readonly plan: ElasticacheClusterPlan;
  readonly group: ElasticacheGroupPlan;
  /** The planned alias of the group's region resolved to its key ARN; undefined when KMS does not know it. */
  readonly plannedKeyArn?: string;
  /** Undefined when the group does not exist. */
  readonly live?: ElasticacheGroupLive;
}

type Facts = ElasticacheGroupFacts & { live: ElasticacheGroupLive };
type Row = (facts: Facts) => { check: string; status?: CheckStatus; planned: string; live: string };

const enabled = (value: string | undefined) => (value === 'enabled' || value === 'enabling' ? 'on' : 'off');

export function plannedLayout(group: ElasticacheGroupPlan): string {
  return group.clusterMode ? `${group.shards} shard(s) × ${1 + group.replicasPerShard} node(s)` : `${1 + group.replicasPerShard} node(s)`;
}

function liveLayout({ group }: ElasticacheGroupLive): string {
  const shards = group.NodeGroups ?? [];
  if (group.ClusterEnabled)
    return `${shards.length} shard(s) × ${shards[0]?.NodeGroupMembers?.length ?? (group.MemberClusters?.length ?? 0) / Math.max(shards.length, 1)} node(s)`;
  return `${group.MemberClusters?.length ?? 0} node(s)`;
}

/** Rows every group gets: the primary and each secondary. */
export const ELASTICACHE_GROUP_ROWS: readonly Row[] = [
  ({ live }) => {
    const status = live.group.Status ?? 'unknown';
    return { check: 'status', status: status === 'available' || status === 'modifying' ? 'pass' : 'fail', planned: 'available', live: status };
  },
  (facts) => ({ check: 'encryption at rest', ...encryptionAtRest(facts) }),
  ({ live }) => ({
    check: 'transit encryption',
    planned: 'on, required',
    live: live.group.TransitEncryptionEnabled ? `on, ${live.group.TransitEncryptionMode ?? 'mode not reported'}` : 'off',
  }),
  ({ group, live }) => ({ check: 'multi-AZ', planned: onOff(group.multiAz), live: enabled(live.group.MultiAZ) }),
  ({ group, live }) => ({ check: 'automatic failover', planned: onOff(group.multiAz || group.clusterMode), live: enabled(live.group.AutomaticFailover) }),
  ({ group, live }) => ({ check: 'layout', planned: plannedLayout(group), live: liveLayout(live) }),
];

/** Rows of the primary only: what a secondary takes from it. */
export const ELASTICACHE_PRIMARY_ROWS: readonly Row[] = [
  ({ plan, live }) => ({ check: 'engine', planned: plan.engine, live: live.group.Engine ?? live.member?.Engine ?? 'unknown' }),
  // DescribeReplicationGroups does not report the version; the first member cluster does.
  ({ plan, live }) =>
    live.member?.EngineVersion
      ? { check: 'engine version', planned: plan.engineVersion, live: live.member.EngineVersion }
      : { check: 'engine version', status: 'skip', planned: plan.engineVersion, live: 'not reported (no member cluster described)' },
  ({ plan, live }) => ({ check: 'node type', planned: plan.nodeType, live: live.group.CacheNodeType ?? 'unknown' }),
  ({ live }) => ({ check: 'auth', planned: 'AUTH token on', live: live.group.AuthTokenEnabled ? 'AUTH token on' : 'off' }),
  ({ plan, live }) => ({
    check: 'snapshot retention',
    planned: plan.snapshotRetentionDays > 0 ? days(plan.snapshotRetentionDays) : 'none',
    live: live.group.SnapshotRetentionLimit ? days(live.group.SnapshotRetentionLimit) : 'none',
  }),
];

export function elasticacheGroupChecks(facts: ElasticacheGroupFacts): CheckResult[] {
  const { plan, group, live } = facts;
  const primary = group.replicationGroupId === plan.replicationGroupId;
  const base = { database: plan.name, kind: ELASTICACHE_CLUSTER_KIND, resource: group.replicationGroupId };
  if (!live) {
    return [
      {
        ...base,
        check: primary ? 'exists' : 'secondary exists',
        status: 'fail',
        planned: `replication group in ${group.region}`,
        live: `not found in ${group.region}`,
      },
    ];
  }
  const rows = primary ? [...ELASTICACHE_GROUP_ROWS.slice(0, 1), ...ELASTICACHE_PRIMARY_ROWS, ...ELASTICACHE_GROUP_ROWS.slice(1)] : ELASTICACHE_GROUP_ROWS;
  return rows.map((row) => {
    const { status, ...values } = row({ ...facts, live });
    return status ? { ...base, ...values, status } : equalityCheck({ ...base, ...values });
  });
}

function encryptionAtRest({ group, plannedKeyArn, live }: Facts) {
  const alias = shortKeyName(group.keyAliasArn);
  const planned = `${alias} in ${group.region}`;
  if (!live.group.AtRestEncryptionEnabled) return { status: 'fail' as const, planned, live: 'off' };
  if (!live.group.KmsKeyId) return { status: 'fail' as const, planned, live: 'AWS owned key' };
  if (plannedKeyArn === undefined)
    return { status: 'fail' as const, planned: `${planned} (alias not found in KMS)`, live: shortKeyName(live.keyArn ?? live.group.KmsKeyId) };
  if (live.keyArn !== plannedKeyArn) return { status: 'fail' as const, planned, live: shortKeyName(live.keyArn ?? live.group.KmsKeyId) };
  return { status: 'pass' as const, planned, live: `${shortKeyName(live.keyArn)} (${alias})` };
}
