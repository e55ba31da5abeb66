/**
 * A Memorystore for Redis instance with safe defaults: Standard Tier (a replica in another zone, automatic failover)
 * when highly available, optional read replicas, encryption at rest with a customer-managed key of its region, TLS
 * (SERVER_AUTHENTICATION) and an AUTH string, private services access on the given network only, RDB snapshots,
 * a weekly maintenance window, `maxmemory-policy` by use, and one alert policy per alert. Usable on its own: it takes
 * typed props, not our config. Why Memorystore for Redis rather than for Valkey: tables/memorystore-table.ts.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { addCloudSqlAlertPolicies } from './cloud-sql-alert-policies';
import { DatabaseValidationError } from '../common/database-validation-error';
import type { PathProblem } from '../common/path-problem';
import { MemorystoreAlert, memorystoreAlerts } from './tables/memorystore-alerts';
import { MemorystoreMaintenanceWindow, memorystoreInstanceProblems, memorystoreNameProblem } from './tables/memorystore-checks';
import {
  MEMORYSTORE_DAYS,
  MEMORYSTORE_REDIS_VERSIONS,
  MEMORYSTORE_SNAPSHOT_PERIODS,
  MEMORYSTORE_USES,
  MemorystoreRedisVersion,
  MemorystoreSnapshotChoice,
  MemorystoreUse,
} from './tables/memorystore-table';
import { MEMORYSTORE_DEFAULTS } from './tables/memorystore-defaults';

export interface MemorystoreInstanceProps {
  readonly project: string;
  readonly region: string;
  /** 2–41 lowercase letters, digits and hyphens; changing it replaces the instance. */
  readonly instanceName: string;
  /** @default '7.2' */
  readonly version?: MemorystoreRedisVersion;
  /** 1–300 GB; resized in place. */
  readonly memorySizeGb: number;
  /** STANDARD_HA when true, BASIC otherwise; changing it replaces the instance. */
  readonly highAvailability: boolean;
  /**
   * Read replicas behind a read endpoint (Standard Tier, at least 5 GB); 0 for none. Once enabled they cannot be
   * disabled ("About read replicas").
   * @default 0
   */
  readonly readReplicas?: number;
  /** Full id of a Cloud KMS key in `region` that the Memorystore service agent may use. */
  readonly customerManagedKey: string;
  /** The VPC network with private services access (`projects/<project>/global/networks/<name>`). */
  readonly authorizedNetwork: string;
  /** RDB snapshot period, or `off`. @default '24h' */
  readonly snapshotPeriod?: MemorystoreSnapshotChoice;
  /** @default Sunday (7) 06:00 UTC */
  readonly maintenanceWindow?: MemorystoreMaintenanceWindow;
  /** `cache` evicts the least recently used keys when full; `store` refuses writes instead. @default 'cache' */
  readonly use?: MemorystoreUse;
  /**
   * Labels of the instance and its alert policies.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** `lifecycle.prevent_destroy`: Terraform refuses any plan that destroys the instance. @default true */
  readonly preventDestroy?: boolean;
  /** @default memorystoreAlerts(...) for this instance */
  readonly alerts?: readonly MemorystoreAlert[];
  /** Email (or other) channels the alert policies notify. */
  readonly notificationChannels: readonly string[];
}

export class MemorystoreInstance extends Construct {
  readonly instance: RedisInstance;
  readonly alertPolicies: readonly MonitoringAlertPolicy[];

  constructor(scope: Construct, id: string, props: MemorystoreInstanceProps) {
    super(scope, id);
    const readReplicas = props.readReplicas ?? 0;
    const maintenanceWindow = props.maintenanceWindow ?? MEMORYSTORE_DEFAULTS.maintenanceWindow;
    const problems = [
      ...nameAndKeyProblems(props),
      ...memorystoreInstanceProblems({ memorySizeGb: props.memorySizeGb, highAvailability: props.highAvailability, readReplicas, maintenanceWindow }),
    ];
    if (problems.length > 0) throw new DatabaseValidationError('MemorystoreInstance', this.node.path, problems);
    const snapshotPeriod = props.snapshotPeriod ?? MEMORYSTORE_DEFAULTS.snapshotPeriod;
    const use = props.use ?? MEMORYSTORE_DEFAULTS.use;
    const withReadReplicas = props.highAvailability && readReplicas > 0;

    this.instance = new RedisInstance(this, 'Instance', {
      project: props.project,
      region: props.region,
      name: props.instanceName,
      redisVersion: MEMORYSTORE_REDIS_VERSIONS[props.version ?? MEMORYSTORE_DEFAULTS.version],
      tier: props.highAvailability ? 'STANDARD_HA' : 'BASIC',
      memorySizeGb: props.memorySizeGb,
      // Standard Tier: one failover replica, or the read replicas (the API's only valid values); Basic: none.
      replicaCount: props.highAvailability ? Math.max(readReplicas, 1) : undefined,
      readReplicasMode: props.highAvailability ? (withReadReplicas ? 'READ_REPLICAS_ENABLED' : 'READ_REPLICAS_DISABLED') : undefined,
      // Read replicas need an extra node range; `auto` takes one from the private services access allocation.
      secondaryIpRange: withReadReplicas ? 'auto' : undefined,
      connectMode: 'PRIVATE_SERVICE_ACCESS',
      authorizedNetwork: props.authorizedNetwork,
      customerManagedKey: props.customerManagedKey,
      authEnabled: true,
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      persistenceConfig:
        snapshotPeriod === 'off'
          ? { persistenceMode: 'DISABLED' }
          : { persistenceMode: 'RDB', rdbSnapshotPeriod: MEMORYSTORE_SNAPSHOT_PERIODS[snapshotPeriod].api },
      maintenancePolicy: {
        weeklyMaintenanceWindow: [{ day: MEMORYSTORE_DAYS[maintenanceWindow.day - 1], startTime: { hours: maintenanceWindow.hour, minutes: 0 } }],
      },
      redisConfigs: { 'maxmemory-policy': MEMORYSTORE_USES[use] },
      labels: props.labels && { ...props.labels },
      lifecycle: (props.preventDestroy ?? true) ? { preventDestroy: true } : undefined,
    });

    this.alertPolicies = addCloudSqlAlertPolicies(this, {
      project: props.project,
      instanceName: props.instanceName,
      alerts:
        props.alerts ??
        memorystoreAlerts({
          instanceName: props.instanceName,
          use,
          highAvailability: props.highAvailability,
          connectedClientsThreshold: MEMORYSTORE_DEFAULTS.connectedClientsThreshold,
        }),
      notificationChannels: props.notificationChannels,
      labels: props.labels,
      resourceFilter: `resource.type="redis_instance" AND resource.labels.instance_id="projects/${props.project}/locations/${props.region}/instances/${props.instanceName}"`,
    });
  }
}

/** The name against the provider's pattern; the key in the instance's own region (Memorystore uses no other). */
function nameAndKeyProblems(props: MemorystoreInstanceProps): PathProblem[] {
  const problems: PathProblem[] = [];
  const nameProblem = Token.isUnresolved(props.instanceName) ? undefined : memorystoreNameProblem(props.instanceName);
  if (nameProblem) problems.push({ path: ['instanceName'], value: props.instanceName, message: nameProblem, fix: 'shorten or rename it' });
  const keyRegion = /\/locations\/([^/]+)\//.exec(props.customerManagedKey)?.[1];
  if (!Token.isUnresolved(props.customerManagedKey) && keyRegion !== props.region) {
    problems.push({
      path: ['customerManagedKey'],
      value: props.customerManagedKey,
      message: `must be a key in the instance's region (${props.region}); Memorystore for Redis uses only a key of its own region`,
      fix: `use the key of ${props.region} (projects/<project>/locations/${props.region}/keyRings/<ring>/cryptoKeys/<key>)`,
    });
  }
  return problems;
}
