/**
 * The cache parameter group a cluster gets: what its use needs, nothing else. A cache evicts the least recently used
 * key when memory is full; a store never evicts (writes fail instead, and the memory alarms say so first).
 * Keyspace notifications cost CPU on every write, so they are set only when the config asks.
 * Parameter names: "Valkey and Redis OSS parameters", ElastiCache user guide.
 */
import type { CacheUse } from './elasticache-cluster-checks';

export const MAXMEMORY_POLICY: Readonly<Record<CacheUse, string>> = {
  cache: 'allkeys-lru',
  store: 'noeviction',
};

export function elasticacheParameters(options: { use: CacheUse; clusterMode: boolean; notifyKeyspaceEvents?: string }): Record<string, string> {
  return {
    'maxmemory-policy': MAXMEMORY_POLICY[options.use],
    // A cluster-mode-enabled replication group needs a parameter group with cluster-enabled yes, and the reverse.
    'cluster-enabled': options.clusterMode ? 'yes' : 'no',
    ...(options.notifyKeyspaceEvents === undefined ? {} : { 'notify-keyspace-events': options.notifyKeyspaceEvents }),
  };
}
