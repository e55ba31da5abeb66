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
  readonly waivers: readonly string[];
  /** Where applications read how to connect (AWS: SSM path and keys); none for kinds without a contract. */
  readonly connectionContract?: readonly string[];
}
