/** One database as the inventory shows it: what it is, where, how it is protected, how much we can lose and how fast we recover. */
export interface InventoryEntry {
  readonly database: string;
  readonly cloud: 'AWS' | 'Google Cloud';
  readonly kind: string;
  readonly engine: string;
  readonly size: string;
  readonly storage: string;
  readonly region: string;
  readonly highAvailability: string;
  readonly replicas: ReadonlyArray<{ readonly name: string; readonly region: string }>;
  readonly encryptionKey: string;
  readonly backups: string;
  /** AWS Backup plan and copy region, when the database is in one. */
  readonly backupPlan: string;
  readonly pitrWindow: string;
  readonly rpo: string;
  readonly rto: string;
  readonly alarms: readonly string[];
  readonly notableSettings: readonly string[];
  /** Relational databases: the roles applications connect as, `name (access, auth)`; undefined where a kind has none. */
  readonly roles?: readonly string[];
  /** Database users and where the connection contract is published (kinds that publish one). */
  readonly connectionContract?: readonly string[];
  readonly waivers: readonly string[];
}
