/**
 * The alert policies of one Memorystore for Redis instance, as rows: memory usage, evictions, connected clients and,
 * with a replica (STANDARD_HA), replication lag. Pure data (no CDKTF import); the plan keeps them and the
 * MemorystoreInstance construct creates them.
 *
 * Metric types are `redis.googleapis.com/...` of the `redis_instance` monitored resource. Not verified against
 * Google's metrics list (cloud.google.com/monitoring/api/metrics_gcp, not reachable from this machine): the names
 * are the ones public alerting configs use (stats/memory/usage_ratio, stats/evicted_keys, clients/connected,
 * replication/master/slaves/lag).
 */
import type { CloudSqlAlert } from './cloud-sql-alert';
import type { MemorystoreUse } from './memorystore-table';

/** An alert policy on one instance's metric; the same shape as a Cloud SQL alert (one policy construct renders both). */
export type MemorystoreAlert = CloudSqlAlert;

export interface MemorystoreAlertTarget {
  readonly instanceName: string;
  readonly use: MemorystoreUse;
  readonly highAvailability: boolean;
  /** Connected clients above this open an incident. */
  readonly connectedClientsThreshold: number;
}

const METRIC = 'redis.googleapis.com';
/** Memory above this fraction: a cache starts evicting, a store starts refusing writes at 100 %. */
export const MEMORY_USAGE_THRESHOLD = 0.8;
/** Evicted keys per second, averaged over 5 minutes, that a cache tolerates before its hit rate suffers. */
export const CACHE_EVICTIONS_PER_SECOND = 100;
/** Seconds a replica may trail the primary before a failover would lose noticeable writes. */
export const REPLICATION_LAG_SECONDS = 30;

export function memorystoreAlerts(target: MemorystoreAlertTarget): MemorystoreAlert[] {
  const store = target.use === 'store';
  const name = target.instanceName;
  const alerts: MemorystoreAlert[] = [
    {
      id: 'MemoryUsage',
      displayName: `${name}: memory above ${Math.round(MEMORY_USAGE_THRESHOLD * 100)}% [${store ? 'critical' : 'warning'}]`,
      severity: store ? 'critical' : 'warning',
      metricType: `${METRIC}/stats/memory/usage_ratio`,
      comparison: 'COMPARISON_GT',
      threshold: MEMORY_USAGE_THRESHOLD,
      durationSeconds: 300,
      aligner: 'ALIGN_MAX',
      documentation: store
        ? 'The store refuses writes when memory is full (maxmemory-policy noeviction). Raise memorySizeGb (a resize is in place) or delete keys without a TTL.'
        : 'The cache is evicting soon. Raise memorySizeGb (a resize is in place) or shorten TTLs; check for keys written without a TTL.',
    },
    {
      id: 'Evictions',
      // A store never evicts (noeviction): any eviction means the policy was changed behind the config's back.
      displayName: `${name}: ${store ? 'keys evicted' : `more than ${CACHE_EVICTIONS_PER_SECOND} keys evicted per second`} [${store ? 'critical' : 'warning'}]`,
      severity: store ? 'critical' : 'warning',
      metricType: `${METRIC}/stats/evicted_keys`,
      comparison: 'COMPARISON_GT',
      threshold: store ? 0 : CACHE_EVICTIONS_PER_SECOND,
      durationSeconds: 300,
      aligner: 'ALIGN_RATE',
      documentation: store
        ? 'A store lost keys: check the maxmemory-policy (it must be noeviction) and the memory usage.'
        : 'The cache is too small for its working set: raise memorySizeGb or check for a new, large key pattern.',
    },
    {
      id: 'ConnectedClients',
      displayName: `${name}: more than ${target.connectedClientsThreshold} connected clients [warning]`,
      severity: 'warning',
      metricType: `${METRIC}/clients/connected`,
      comparison: 'COMPARISON_GT',
      threshold: target.connectedClientsThreshold,
      durationSeconds: 300,
      aligner: 'ALIGN_MAX',
      documentation: 'Check for connection leaks (clients that open a connection per request) before raising the limit; use a pool.',
    },
  ];
  if (target.highAvailability) {
    alerts.push({
      id: 'ReplicationLag',
      displayName: `${name}: replica more than ${REPLICATION_LAG_SECONDS} s behind [warning]`,
      severity: 'warning',
      metricType: `${METRIC}/replication/master/slaves/lag`,
      comparison: 'COMPARISON_GT',
      threshold: REPLICATION_LAG_SECONDS,
      durationSeconds: 300,
      aligner: 'ALIGN_MAX',
      alignmentSeconds: 60,
      documentation: 'A failover now would lose the writes the replica has not received. Check write volume and the primary CPU.',
    });
  }
  return alerts;
}
