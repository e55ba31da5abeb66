import { defineEnvironment } from './schema';

/**
 * Production: Multi-AZ / REGIONAL, retained, 35 days of backups. eu-central-1 and europe-west4 are the disaster
 * recovery regions: they have their own keys (and alarm topic and backup vault), hold the DynamoDB replica and the
 * copies of the AWS backups.
 */
export default defineEnvironment({
  tier: 'production',
  description: 'Production databases',
  tags: { environment: 'prod', 'cost-center': 'platform', 'data-classification': 'confidential' },
  aws: {
    account: '333333333333',
    primaryRegion: 'eu-west-1',
    regions: {
      'eu-west-1': {
        network: {
          type: 'existing',
          vpcId: 'vpc-0a1b2c3d4e5f60003',
          availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
          privateSubnetIds: ['subnet-0aa0000000000031a', 'subnet-0aa0000000000031b', 'subnet-0aa0000000000031c'],
        },
      },
      'eu-central-1': {
        network: {
          type: 'existing',
          vpcId: 'vpc-0a1b2c3d4e5f60013',
          availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
          privateSubnetIds: ['subnet-0bb0000000000031a', 'subnet-0bb0000000000031b', 'subnet-0bb0000000000031c'],
        },
      },
    },
    notifications: { emails: ['db-oncall@example.com'] },
    // The production plan (daily 35 days, monthly 1 year, Vault Lock) copies every recovery point to Frankfurt.
    backup: { copyRegions: { 'eu-west-1': 'eu-central-1' } },
  },
  gcp: {
    projectId: 'acme-databases-prod',
    projectNumber: '100000000003',
    primaryRegion: 'europe-west1',
    regions: ['europe-west1', 'europe-west4'],
    privateNetwork: 'projects/acme-network-prod/global/networks/shared-vpc',
    notifications: { emails: ['db-oncall@example.com'] },
    stateBackend: { type: 'gcs', bucket: 'acme-terraform-state-prod', prefix: 'databases' },
  },
  databases: [
    {
      kind: 'rds-instance',
      name: 'orders',
      engine: 'postgres',
      version: '17.6',
      instanceClass: 'db.r7g.xlarge',
      allocatedStorageGiB: 500,
      maxAllocatedStorageGiB: 2000,
      databaseName: 'orders',
      allowedCidrs: ['10.30.0.0/16'],
      // 16 MB of work_mem per connection: max_connections sized to match (1000 × 16 MB fits the 32 GiB of the class;
      // RDS's default of ~3,600 would not).
      parameters: { work_mem: 16384, max_connections: 1000 },
      backupReplicationRegion: 'eu-central-1',
      replicas: [{ region: 'eu-west-1', instanceClass: 'db.r7g.large' }, { region: 'eu-central-1' }],
      extensions: ['pg_trgm'],
      // Migrations own the schema; the API reads and writes rows; reporting reads. IAM roles of this account connect.
      roles: [
        { name: 'orders_migrator', access: 'owner', auth: 'iam', consumers: ['arn:aws:iam::333333333333:role/orders-migrations'] },
        { name: 'orders_app', access: 'read-write', auth: 'iam', consumers: ['arn:aws:iam::333333333333:role/orders-api'] },
        { name: 'orders_reporting', access: 'read-only', consumers: ['arn:aws:iam::333333333333:role/reporting'] },
      ],
    },
    {
      kind: 'rds-instance',
      name: 'catalog',
      engine: 'mysql',
      version: '8.4.6',
      instanceClass: 'db.r7g.large',
      allocatedStorageGiB: 200,
      maxAllocatedStorageGiB: 1000,
      databaseName: 'catalog',
      allowedCidrs: ['10.30.0.0/16'],
      alarmThresholds: { 'cpu-warning': 70 },
      roles: [
        { name: 'catalog_migrator', access: 'owner', consumers: ['arn:aws:iam::333333333333:role/catalog-migrations'] },
        { name: 'catalog_app', access: 'read-write', auth: 'iam', consumers: ['arn:aws:iam::333333333333:role/catalog-api'] },
        { name: 'catalog_reporting', access: 'read-only', consumers: ['arn:aws:iam::333333333333:role/reporting'] },
      ],
    },
    {
      // An Aurora global database: writer and a reader in eu-west-1, a secondary cluster in Frankfurt.
      kind: 'aurora-cluster',
      name: 'payments',
      engine: 'aurora-postgresql',
      version: '16.9',
      instanceClass: 'db.r7g.large',
      readers: 1,
      databaseName: 'payments',
      allowedCidrs: ['10.30.0.0/16'],
      secondaryRegions: ['eu-central-1'],
      roles: [
        { name: 'payments_migrator', access: 'owner', auth: 'iam', consumers: ['arn:aws:iam::333333333333:role/payments-migrations'] },
        { name: 'payments_app', access: 'read-write', auth: 'iam', consumers: ['arn:aws:iam::333333333333:role/payments-api'] },
        { name: 'payments_audit', access: 'read-only', consumers: ['arn:aws:iam::333333333333:role/payments-audit'] },
      ],
    },
    {
      kind: 'dynamodb-table',
      name: 'sessions',
      partitionKey: { name: 'sessionId', type: 'string' },
      globalSecondaryIndexes: [
        { name: 'byUser', partitionKey: { name: 'userId', type: 'string' }, sortKey: { name: 'createdAt', type: 'number' }, projection: 'keys-only' },
      ],
      timeToLiveAttribute: 'expiresAt',
      replicaRegions: ['eu-central-1'],
      waivers: [
        {
          rule: 'tls-enforced',
          reason:
            'CloudFormation cannot give a new replica its TLS-only policy in the same update: set tlsOnlyReplicas: true in the change after the eu-central-1 replica exists, then drop this waiver',
        },
      ],
    },
    {
      kind: 'cloudsql-instance',
      name: 'ledger',
      engine: 'postgres',
      version: '16',
      edition: 'ENTERPRISE',
      tier: 'db-custom-4-16384',
      diskSizeGb: 250,
      diskAutoresizeLimitGb: 1000,
      auditLogging: true,
      // No maintenance over the year-end closing.
      denyMaintenancePeriod: { startDate: '12-15', endDate: '01-05' },
      // A read replica in the disaster recovery region, encrypted with that region's key.
      replicas: [{ region: 'europe-west4' }],
      databases: ['ledger'],
      // IAM roles are group roles: the consumers' service accounts log in as IAM users and get the role's grants.
      roles: [
        { name: 'ledger_migrator', access: 'owner', consumers: ['ledger-migrations@acme-databases-prod.iam.gserviceaccount.com'] },
        { name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: ['ledger-api@acme-databases-prod.iam.gserviceaccount.com'] },
        { name: 'ledger_reporting', access: 'read-only', auth: 'iam', consumers: ['reporting@acme-databases-prod.iam.gserviceaccount.com'] },
      ],
    },
    {
      kind: 'cloudsql-instance',
      name: 'inventory',
      engine: 'mysql',
      version: '8.4',
      edition: 'ENTERPRISE',
      tier: 'db-custom-2-7680',
      diskSizeGb: 100,
      diskAutoresizeLimitGb: 500,
      binaryLog: true,
      databases: ['inventory'],
      roles: [
        { name: 'inventory_migrator', access: 'owner', consumers: ['inventory-migrations@acme-databases-prod.iam.gserviceaccount.com'] },
        { name: 'inventory_app', access: 'read-write', auth: 'iam', consumers: ['inventory-api@acme-databases-prod.iam.gserviceaccount.com'] },
        { name: 'inventory_reporting', access: 'read-only', auth: 'iam', consumers: ['reporting@acme-databases-prod.iam.gserviceaccount.com'] },
      ],
    },
    {
      // An in-memory store (never evicts), two replicas over three zones, a Global Datastore secondary in Frankfurt.
      kind: 'elasticache-cluster',
      name: 'session-cache',
      use: 'store',
      nodeType: 'cache.r7g.large',
      replicasPerShard: 2,
      // Expired-key events for the session reaper.
      notifyKeyspaceEvents: 'Ex',
      allowedCidrs: ['10.30.0.0/16'],
      secondaryRegions: ['eu-central-1'],
      waivers: [
        { rule: 'point-in-time-recovery', reason: 'ElastiCache has no point-in-time recovery; daily snapshots are its backup (RPO one day)' },
        { rule: 'deletion-protection', reason: 'ElastiCache has no deletion protection; DeletionPolicy (removalPolicy) keeps it when it leaves the template' },
      ],
    },
    {
      // Sessions and rate limits: Standard Tier (failover replica in another zone) with two read replicas.
      kind: 'memorystore-instance',
      name: 'sessions-cache',
      memorySizeGb: 10,
      readReplicas: 2,
      waivers: [
        {
          rule: 'point-in-time-recovery',
          reason: 'A cache has no point-in-time recovery: its hourly RDB snapshot (snapshotPeriod 1h) bounds what a restore loses',
        },
        {
          rule: 'backup-retention',
          reason: 'Memorystore keeps only its newest RDB snapshot, for its own recovery; the sessions are rebuilt by signing in again',
        },
      ],
    },
  ],
});
