/**
 * How an ElastiCache replication group looks to the policy rules. Honest about what a cache lacks: no point-in-time
 * recovery (a restore goes back to the last daily snapshot), no deletion protection (removalPolicy is what keeps it),
 * and no AWS Backup (AWS Backup's supported resource types do not include ElastiCache: GetSupportedResourceTypes,
 * AWS Backup API Reference), so its snapshots are its backups and the backup-plan rule does not apply.
 */
import type { DatabasePosture } from '../../policy/database-posture';
import { awsAlarmTargets, databaseSetting, postureIdentity, type PostureContext } from '../../policy/posture-context';
import type { ElasticacheClusterPlan } from '../../plan/plan-types';

export function elasticacheClusterPosture(db: ElasticacheClusterPlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  const groups = [db, ...(db.global?.secondaries ?? [])];
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'elasticache-cluster',
    highAvailability: at(db.multiAz, 'highAvailability'),
    deletionProtection: at(false, 'deletionProtection'),
    removalPolicy: at(db.removalPolicy, 'removalPolicy'),
    backupRetentionDays: at(db.snapshotRetentionDays, 'snapshotRetentionDays'),
    pointInTimeRecovery: at(false, 'pointInTimeRecovery'),
    customerManagedKey: at<string | undefined>(groups.every((g) => g.keyAliasArn) ? db.keyAliasArn : undefined, 'region'),
    // Every group is created with TransitEncryptionEnabled and TransitEncryptionMode 'required'. No field turns it
    // off, so the path is the kind: the kind itself enforces it.
    tlsEnforced: at(true, 'kind'),
    allowedNetworks: at(db.allowedCidrs, 'allowedCidrs'),
    alarmCount: groups.reduce((n, g) => n + g.nodes.reduce((m, node) => m + node.alarms.length, 0), 0),
    notificationTargets: awsAlarmTargets(db.alarmTopicArn, context),
    placement: { region: db.region },
    copies: at(
      [
        ...db.nodes.filter((n) => n.role === 'replica').map((n) => ({ name: n.cacheClusterId, region: db.region, purpose: 'failover' as const })),
        ...(db.global?.secondaries ?? []).map((s) => ({ name: s.replicationGroupId, region: s.region, purpose: 'disaster-recovery' as const })),
      ],
      'secondaryRegions',
    ),
  };
}
