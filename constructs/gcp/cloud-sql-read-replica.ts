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
import { addCloudSqlAlertPolicies } from './cloud-sql-alert-policies';
import { diskLimitProblems, replicaDiskProblem, tierProblem } from './tables/cloud-sql-instance-checks';
import { defaultAlerts } from './tables/cloud-sql-alerts';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';
import { CloudSqlMachineTier, InvalidCloudSqlTier, parseCloudSqlTier } from './tables/cloud-sql-tiers';
import { CloudSqlInstance, CloudSqlInstanceCommonProps, CloudSqlReplicaDefaults } from './cloud-sql-instance';
import { instanceNameProblems, keyRegionProblems } from './cloud-sql-instance-validation';
import { DatabaseValidationError } from '../common/database-validation-error';
import type { PathProblem } from '../common/path-problem';
import { databaseFlagProblems, renderFlags, renderInsights, renderIpConfiguration } from './cloud-sql-settings';

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
    // Thrown here, as the AWS constructs do, so a mistake surfaces where the replica is declared.
    const problems = replicaProblems(props, primary, machineTier, disk, flags, disasterRecovery);
    if (problems.length > 0) throw new DatabaseValidationError('CloudSqlReadReplica', this.node.path, problems);
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
      lifecycle: (props.preventDestroy ?? primary.preventDestroy) ? { preventDestroy: true } : undefined,
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
  }
}

function replicaProblems(
  props: CloudSqlReadReplicaProps,
  primary: CloudSqlReplicaDefaults,
  machineTier: CloudSqlMachineTier | InvalidCloudSqlTier,
  disk: { diskSizeGb: number; diskAutoresize: boolean; diskAutoresizeLimitGb: number },
  flags: Readonly<Record<string, string>>,
  disasterRecovery: boolean,
): PathProblem[] {
  const problems: PathProblem[] = [...instanceNameProblems(props.instanceName)];
  const engine = primary.engine;
  const primaryProblem = (message: string, fix: string) => problems.push({ path: ['primary'], value: primary.instanceName, message, fix });
  if (!primary.backups)
    primaryProblem('has no backups; Cloud SQL creates replicas only of a primary with automated backups', 'turn backups on for the primary');
  if (engine?.pointInTimeRecovery === 'binary-log' && !primary.pointInTimeRecovery) {
    primaryProblem('has no binary logs; MySQL replicas replicate from them', 'turn pointInTimeRecovery on for the primary');
  }
  if (primary.version?.replicas === false) {
    primaryProblem(
      `is ${primary.databaseVersion}, which cannot have read replicas (SQL Server needs an Enterprise version)`,
      'use an Enterprise version for the primary',
    );
  }
  problems.push(...[replicaDiskProblem(disk.diskSizeGb, primary.diskSizeGb)].flatMap((p) => p ?? []));
  problems.push(...diskLimitProblems(disk), ...keyRegionProblems(props.encryptionKeyName, props.region));
  const drProblem = (message: string, fix: string) => problems.push({ path: ['disasterRecovery'], value: true, message, fix });
  if (disasterRecovery && !primary.pointInTimeRecovery) drProblem('needs point-in-time recovery on the primary', 'turn pointInTimeRecovery on for the primary');
  if (disasterRecovery && primary.edition !== 'ENTERPRISE_PLUS')
    drProblem('needs ENTERPRISE_PLUS (advanced disaster recovery)', "set edition: 'ENTERPRISE_PLUS' on the primary, or disasterRecovery: false");
  if (disasterRecovery && !Token.isUnresolved(props.region) && props.region === primary.region) {
    drProblem(`needs a replica in another region than the primary's (${primary.region})`, 'place the replica in another region');
  }
  const tier = engine && !Token.isUnresolved(props.tier) ? tierProblem(machineTier, primary.edition, engine) : undefined;
  return [...problems, ...(tier ? [tier] : []), ...databaseFlagProblems(engine, flags)];
}
