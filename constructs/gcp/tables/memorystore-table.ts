/**
 * Memorystore for Redis (`google_redis_instance`): the versions, sizes, replica counts and snapshot periods we offer,
 * each with its source. Pure data (no CDKTF import): the config schema, the rules and the construct read it.
 *
 * Why Memorystore for Redis and not Memorystore for Valkey (`google_memorystore_instance`): in the 6.50 bindings
 * (node_modules/@cdktf/provider-google/lib/redis-instance, lib/memorystore-instance) only `google_redis_instance`
 * has all four things issue #19 asks for at once: `connect_mode: PRIVATE_SERVICE_ACCESS` on the environment's private
 * services access network (gcp.privateNetwork), an AUTH string (`auth_enabled`), `transit_encryption_mode:
 * SERVER_AUTHENTICATION` and `customer_managed_key`, with `tier: STANDARD_HA` and up to five read replicas. The Valkey
 * resource connects only through Private Service Connect (`desired_psc_auto_connections`, which needs a service
 * connection policy on the network, not private services access) and authenticates only with IAM
 * (`authorization_mode: AUTH_DISABLED | IAM_AUTH`), so it would need a second network setup and IAM-aware clients.
 */

/** Config version → the API's `redis_version`. */
export const MEMORYSTORE_REDIS_VERSIONS = {
  '7.2': 'REDIS_7_2',
  '7.0': 'REDIS_7_0',
  '6.x': 'REDIS_6_X',
} as const;
/**
 * Only 6.x and later: older versions (REDIS_3_2, REDIS_4_0, REDIS_5_0 exist in the API) are left out so that every
 * offered version has read replicas ("About read replicas": Redis 5.0 or higher) and the AUTH + TLS clients of today.
 * Not verified here: Google's "Supported versions" page (not reachable from this machine); the values are the
 * enum names the provider's `redis_version` takes (resource_redis_instance.go isRedisVersionDecreasing parses
 * `REDIS_<major>_<minor>`).
 */
export type MemorystoreRedisVersion = keyof typeof MEMORYSTORE_REDIS_VERSIONS;
export const MEMORYSTORE_VERSIONS = Object.keys(MEMORYSTORE_REDIS_VERSIONS) as [MemorystoreRedisVersion, ...MemorystoreRedisVersion[]];

/**
 * Memory size in GB. "Redis tier capabilities" (cloud.google.com/memorystore/docs/redis/redis-tiers): max Redis
 * primary size 300 GB on every tier. 1 GB is the smallest size the API takes (`memory_size_gb` is a whole number of
 * GiB; the M1 capacity tier starts at 1 GB).
 */
export const MEMORYSTORE_MEMORY_GB = { min: 1, max: 300 } as const;

/**
 * Read replicas ("About read replicas", cloud.google.com/memorystore/docs/redis/about-read-replicas): Standard Tier
 * only, 1 to 5 of them, only for nodes of at least 5 GB, and once enabled they cannot be disabled.
 */
export const MEMORYSTORE_READ_REPLICAS = { max: 5, minMemoryGb: 5 } as const;

/**
 * RDB snapshot periods ("About RDB snapshots", cloud.google.com/memorystore/docs/redis/about-rdb-snapshots: from 1h
 * to 24h; the provider's `persistence_config.rdb_snapshot_period` enum). `off` turns persistence off.
 */
export const MEMORYSTORE_SNAPSHOT_PERIODS = {
  '1h': { api: 'ONE_HOUR', minutes: 60 },
  '6h': { api: 'SIX_HOURS', minutes: 6 * 60 },
  '12h': { api: 'TWELVE_HOURS', minutes: 12 * 60 },
  '24h': { api: 'TWENTY_FOUR_HOURS', minutes: 24 * 60 },
} as const;
export type MemorystoreSnapshotPeriod = keyof typeof MEMORYSTORE_SNAPSHOT_PERIODS;
export const MEMORYSTORE_SNAPSHOT_CHOICES = ['1h', '6h', '12h', '24h', 'off'] as const satisfies ReadonlyArray<MemorystoreSnapshotPeriod | 'off'>;
export type MemorystoreSnapshotChoice = (typeof MEMORYSTORE_SNAPSHOT_CHOICES)[number];

/**
 * What the cache is for: a cache evicts the least recently used keys when full; a store refuses writes instead of
 * losing keys (Redis `maxmemory-policy`, one of the `redis_configs` Memorystore lets you set).
 */
export const MEMORYSTORE_USES = { cache: 'allkeys-lru', store: 'noeviction' } as const;
export type MemorystoreUse = keyof typeof MEMORYSTORE_USES;
export const MEMORYSTORE_USE_CHOICES = Object.keys(MEMORYSTORE_USES) as [MemorystoreUse, ...MemorystoreUse[]];

/**
 * Instance names: the provider's `name` ValidateFunc in resource_redis_instance.go (`^[a-z][a-z0-9-]{0,39}[a-z0-9]$`):
 * 2 to 41 characters.
 */
export const MEMORYSTORE_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}[a-z0-9]$/;
export const MEMORYSTORE_NAME_MAX_LENGTH = 41;

/** ISO day numbers (Monday 1 … Sunday 7) → the provider's `weekly_maintenance_window.day` enum. */
export const MEMORYSTORE_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** `service-<project number>@cloud-redis.iam.gserviceaccount.com` ("Use customer-managed encryption keys", Memorystore for Redis). */
export const memorystoreServiceAgent = (projectNumber: string) => `service-${projectNumber}@cloud-redis.iam.gserviceaccount.com`;
