/**
 * How a Memorystore for Redis instance looks to the policy rules, honestly: a cache has no point-in-time recovery
 * and keeps no history of backups (only its newest RDB snapshot, for its own recovery), so those rules fail for it
 * and a config that declares one waives them with its reason.
 */
import type { DatabasePosture } from '../../policy/database-posture';
import { databaseSetting, postureIdentity, type PostureContext } from '../../policy/posture-context';
import type { MemorystoreInstancePlan } from '../../plan/plan-types';

export function memorystoreInstancePosture(db: MemorystoreInstancePlan, context: PostureContext): DatabasePosture {
  const at = <T>(value: T, field: string) => databaseSetting<T>(context.index)(value, field);
  return {
    ...postureIdentity(context),
    database: db.name,
    kind: 'memorystore-instance',
    highAvailability: at(db.highAvailability, 'highAvailability'),
    deletionProtection: at(db.preventDestroy, 'deletionProtection'),
    removalPolicy: at(db.preventDestroy ? 'retain' : 'destroy', 'removalPolicy'),
    backupRetentionDays: at(0, 'snapshotPeriod'),
    pointInTimeRecovery: at(false, 'snapshotPeriod'),
    customerManagedKey: at<string | undefined>(db.keyId, 'region'),
    // transit_encryption_mode SERVER_AUTHENTICATION is always rendered: the instance accepts TLS connections only.
    // No field turns it off, so the path is the kind (as for ElastiCache): the kind itself enforces it.
    tlsEnforced: at(true, 'kind'),
    // Private services access on the configured network; Memorystore has no public endpoint to open.
    allowedNetworks: { value: [], path: ['gcp', 'privateNetwork'] },
    alarmCount: db.alerts.length,
    notificationTargets: { value: context.notificationEmails, path: ['gcp', 'notifications', 'emails'] },
    placement: { region: db.region },
    // The Standard Tier's replica in another zone is the failover copy; read replicas scale reads in the same region.
    copies: at(db.highAvailability ? [{ name: `${db.instanceName} replica`, region: db.region, purpose: 'failover' as const }] : [], 'highAvailability'),
  };
}
