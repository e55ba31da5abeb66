/**
 * What policy rules look at: one database's safety settings in cloud-neutral terms, each with the config field a
 * user changes to fix it. Every database kind provides one adapter (postures.ts); rules never look at a kind.
 */
import type { Tier } from '../../config/schema';
import type { RoleAccessLevel } from '../../config/schema/database-access';

export interface PostureSetting<T> {
  readonly value: T;
  /** The config path that sets it, for messages (`databases[0].highAvailability`, `aws.notifications.emails`). */
  readonly path: ReadonlyArray<string | number>;
}

export interface DatabaseCopy {
  readonly name: string;
  readonly region: string;
  readonly zone?: string;
  /** disaster-recovery: survives the loss of the primary's region; failover: the loss of its zone. */
  readonly purpose: 'disaster-recovery' | 'failover' | 'read-scaling';
}

export interface DatabasePosture {
  readonly environment: string;
  readonly tier: Tier;
  readonly database: string;
  /** Index in the environment's `databases` list. */
  readonly index: number;
  readonly kind: string;
  readonly highAvailability: PostureSetting<boolean>;
  readonly deletionProtection: PostureSetting<boolean>;
  /** Whether the data outlives removal from the template (retain, or a final snapshot). */
  readonly removalPolicy: PostureSetting<'destroy' | 'snapshot' | 'retain'>;
  readonly backupRetentionDays: PostureSetting<number>;
  readonly pointInTimeRecovery: PostureSetting<boolean>;
  /** Customer-managed key (alias ARN or key id); undefined when encrypted with a provider-owned key or not at all. */
  readonly customerManagedKey: PostureSetting<string | undefined>;
  readonly tlsEnforced: PostureSetting<boolean>;
  /** Network ranges allowed to connect; private networking means none of them is the whole internet. */
  readonly allowedNetworks: PostureSetting<readonly string[]>;
  readonly alarmCount: number;
  /** Where alarms go (topic ARN, notification emails); empty when nobody is told. */
  readonly notificationTargets: PostureSetting<readonly string[]>;
  /** Where the primary runs; its zone when it is pinned to one. */
  readonly placement: { readonly region: string; readonly zone?: string };
  /** Replicas, secondaries and failover readers, with the purpose their placement must serve. */
  readonly copies: PostureSetting<readonly DatabaseCopy[]>;
  /**
   * AWS databases only (undefined for kinds AWS Backup does not cover): the AWS Backup plans that protect the
   * database, empty when none does, and the reason it opted out (aws.backup.optOuts).
   */
  readonly awsBackup?: { readonly plans: PostureSetting<readonly string[]>; readonly optOutReason?: string };
  /**
   * Relational databases whose engine the provisioning engine supports: the roles applications connect as, besides
   * the master user. Undefined for kinds without roles and for SQL Server and Oracle (roles cannot be declared there yet).
   */
  readonly applicationRoles?: PostureSetting<ReadonlyArray<{ readonly name: string; readonly access: RoleAccessLevel }>>;
}
