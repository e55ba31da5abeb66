/**
 * A Cloud SQL read replica of a CloudSqlInstance, in the primary's region or another one. It takes its own region's
 * key, its own tier and flags, inherits the engine, edition, network, TLS mode, Query Insights and feature flags of
 * its primary, and carries no backup or maintenance settings (Cloud SQL takes those from the primary). It references
 * the primary by name, so Terraform creates it after the primary. Optionally the primary's disaster-recovery replica.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../common/identifiers';
import { addCloudSqlAlertPolicies } from './cloud-sql-alert-policies';
import { tierProblem } from './tables/cloud-sql-instance-checks';
import { defaultAlerts } from './tables/cloud-sql-alerts';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';
import { CloudSqlMachineTier, InvalidCloudSqlTier, parseCloudSqlTier } from './tables/cloud-sql-tiers';
import { CloudSqlInstance, CloudSqlInstanceCommonProps, CloudSqlReplicaDefaults } from './cloud-sql-instance';
import { diskLimitErrors, keyRegionErrors } from './cloud-sql-instance-validation';
import { databaseFlagProblems, formatCloudSqlSettingProblem, renderFlags, renderInsights, renderIpConfiguration } from './cloud-sql-settings';

export interface CloudSqlReadReplicaProps extends CloudSqlInstanceCommonProps {
  readonly primary: CloudSqlInstance;
  /**
   * `REGIONAL` gives the replica a standby of its own.
   * @default 'ZONAL'
   */
  readonly availabilityType?: 'REGIONAL' | 'ZONAL';
  /**
   * The primary's disaster-recovery replica (ENTERPRISE_PLUS, another region). PostgreSQL and MySQL: also pass its
   * name as the primary's `disasterRecoveryReplicaName`; MySQL keeps binary logs on it. SQL Server: a cascadable
   * replica.
   * @default false
   */
  readonly disasterRecovery?: boolean;
  /**
   * Adds `lifecycle.prevent_destroy`, so no plan that destroys the replica can be applied (a disaster-recovery
   * replica is the copy a failover promotes).
   * @default - the primary's setting
   */
  readonly preventDestroy?: boolean;
}

export class CloudSqlReadReplica extends Construct {
  readonly instance: SqlDatabaseInstance;
  readonly alertPolicies: readonly MonitoringAlertPolicy[];
  readonly connectionName: string;

  constructor(scope: Construct, id: string, props: CloudSqlReadReplicaProps) {
    super(scope, id);
    const primary = props.primary.replicaDefaults;
    const disasterRecovery = props.disasterRecovery ?? CLOUD_SQL_DEFAULTS.disasterRecovery;
    const engine = primary.engine;
    const labels = props.labels && { ...props.labels };
    const disk = {
      diskSizeGb: props.diskSizeGb ?? primary.diskSizeGb,
      diskAutoresize: props.diskAutoresize ?? CLOUD_SQL_DEFAULTS.diskAutoresize,
      diskAutoresizeLimitGb: props.diskAutoresizeLimitGb ?? CLOUD_SQL_DEFAULTS.diskAutoresizeLimitGb,
    };
    const flags = props.databaseFlags ?? {};
    const deletionProtection = props.deletionProtection ?? CLOUD_SQL_DEFAULTS.deletionProtection;
    const machineTier = parseCloudSqlTier(props.tier);
    const cascadable = disasterRecovery && engine?.disasterRecoveryReplica === 'cascadable';

    this.instance = new SqlDatabaseInstance(this, 'Instance', {
      project: primary.project,
      region: props.region,
      name: props.instanceName,
      databaseVersion: primary.databaseVersion,
      // A reference, not a string: Terraform orders the replica after its primary.
      masterInstanceName: props.primary.instance.name,
      encryptionKeyName: props.encryptionKeyName,
      deletionProtection,
      replicaConfiguration: cascadable ? { cascadableReplica: true } : undefined,
      lifecycle: props.preventDestroy ?? primary.preventDestroy ? { preventDestroy: true } : undefined,
      settings: {
        edition: primary.edition,
        tier: props.tier,
        availabilityType: props.availabilityType ?? CLOUD_SQL_DEFAULTS.replicaAvailabilityType,
        diskType: primary.diskType,
        diskSize: disk.diskSizeGb,
        diskAutoresize: disk.diskAutoresize,
        diskAutoresizeLimit: disk.diskAutoresize ? disk.diskAutoresizeLimitGb : undefined,
        deletionProtectionEnabled: deletionProtection,
        userLabels: labels,
        ipConfiguration: renderIpConfiguration(primary.privateNetwork, primary.sslMode),
        // Only a MySQL DR replica: it must keep binary logs to take over as a primary.
        backupConfiguration: disasterRecovery && engine?.pointInTimeRecovery === 'binary-log' ? { binaryLogEnabled: true } : undefined,
        insightsConfig: renderInsights(primary.queryInsights),
        dataCacheConfig: primary.dataCache ? { dataCacheEnabled: true } : undefined,
        databaseFlags: renderFlags({ ...primary.featureFlags, ...flags }),
      },
    });
    this.connectionName = this.instance.connectionName;
    this.alertPolicies = addCloudSqlAlertPolicies(this, {
      project: primary.project,
      instanceName: props.instanceName,
      alerts: props.alerts ?? defaultAlerts(props.instanceName, 'replica', engine?.engine, machineTier, flags),
      notificationChannels: props.notificationChannels ?? [],
      labels,
    });
    this.node.addValidation({ validate: () => validateReplica(props, primary, machineTier, disk, flags, disasterRecovery) });
  }
}

function validateReplica(
  props: CloudSqlReadReplicaProps,
  primary: CloudSqlReplicaDefaults,
  machineTier: CloudSqlMachineTier | InvalidCloudSqlTier,
  disk: { diskSizeGb: number; diskAutoresize: boolean; diskAutoresizeLimitGb: number },
  flags: Readonly<Record<string, string>>,
  disasterRecovery: boolean,
): string[] {
  const errors: string[] = [];
  const engine = primary.engine;
  const name = props.instanceName;
  if (!Token.isUnresolved(name)) {
    const problem = identifierProblem(name, CLOUD_SQL_NAME_MAX_LENGTH);
    if (problem) errors.push(`instanceName '${name}' ${problem}`);
  }
  if (!primary.backups) errors.push(`the primary ${primary.instanceName} has no backups; Cloud SQL creates replicas only of a primary with automated backups`);
  if (engine?.pointInTimeRecovery === 'binary-log' && !primary.pointInTimeRecovery) {
    errors.push(`the primary ${primary.instanceName} has no binary logs; MySQL replicas replicate from them`);
  }
  if (primary.version?.replicas === false) errors.push(`${primary.databaseVersion} cannot have read replicas (SQL Server needs an Enterprise version)`);
  if (disk.diskSizeGb < primary.diskSizeGb) {
    errors.push(`diskSizeGb (${disk.diskSizeGb}) must be at least the primary's (${primary.diskSizeGb}) to hold its data`);
  }
  errors.push(...diskLimitErrors(disk), ...keyRegionErrors(props.encryptionKeyName, props.region));
  if (disasterRecovery && !primary.pointInTimeRecovery) errors.push('disasterRecovery needs point-in-time recovery on the primary');
  if (disasterRecovery && primary.edition !== 'ENTERPRISE_PLUS') errors.push('disasterRecovery needs ENTERPRISE_PLUS (advanced disaster recovery)');
  if (disasterRecovery && !Token.isUnresolved(props.region) && props.region === primary.region) {
    errors.push(`disasterRecovery needs a replica in another region than the primary's (${primary.region})`);
  }
  const tier = engine && !Token.isUnresolved(props.tier) ? tierProblem(machineTier, primary.edition, engine) : undefined;
  return [...errors, ...[...(tier ? [tier] : []), ...databaseFlagProblems(engine, flags)].map(formatCloudSqlSettingProblem)];
}
