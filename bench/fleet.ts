/**
 * Generates a benchmark fleet: N databases spread round-robin over three environments (dev, staging, prod, whose
 * clouds, regions and networks come from the sample environments in config/), with a fixed mix of kinds taken from
 * MIX below: RDS PostgreSQL and MySQL, Aurora PostgreSQL, DynamoDB, ElastiCache (Valkey), Cloud SQL PostgreSQL and
 * MySQL, Memorystore for Redis, with replicas, secondary regions (Aurora global database, ElastiCache Global
 * Datastore) and replica tables where the environment has a second region (prod). Each environment is written
 * as a plain `.js` file exporting the config object, for DB_CONFIG_DIR.
 */
import * as fs from 'fs';
import * as path from 'path';
import dev from '../config/dev';
import prod from '../config/prod';
import staging from '../config/staging';

export type BenchEnvironment = 'dev' | 'staging' | 'prod';
export const BENCH_ENVIRONMENTS: readonly BenchEnvironment[] = ['dev', 'staging', 'prod'];
const SAMPLES = { dev, staging, prod } as const;

/**
 * Per environment: what the sample environment of that tier uses for a database of each kind. Aurora has no db.m
 * classes: staging's Aurora clusters take the memory-optimized class of the same size.
 */
const SIZES = {
  dev: {
    cidr: '10.10.0.0/16',
    rdsClass: 'db.t4g.medium',
    auroraClass: 'db.t4g.medium',
    storage: 20,
    maxStorage: undefined,
    sqlTier: 'db-custom-1-3840',
    disk: 20,
    diskLimit: undefined,
  },
  staging: {
    cidr: '10.20.0.0/16',
    rdsClass: 'db.m7g.large',
    auroraClass: 'db.r7g.large',
    storage: 100,
    maxStorage: 200,
    sqlTier: 'db-custom-2-7680',
    disk: 50,
    diskLimit: undefined,
  },
  prod: {
    cidr: '10.30.0.0/16',
    rdsClass: 'db.r7g.large',
    auroraClass: 'db.r7g.large',
    storage: 200,
    maxStorage: 1000,
    sqlTier: 'db-custom-2-7680',
    disk: 100,
    diskLimit: 500,
  },
} as const;

export type BenchKind =
  'rds-postgres' | 'rds-mysql' | 'aurora-cluster' | 'dynamodb-table' | 'elasticache-cluster' | 'cloudsql-postgres' | 'cloudsql-mysql' | 'memorystore-instance';

export interface MixRow {
  readonly kind: BenchKind;
  /** How many databases of every cycle of the mix (the weights add up to 10) are of this kind (0: none). */
  readonly weight: number;
  /** Name prefix: `<prefix>-<ordinal>`. */
  readonly prefix: string;
  readonly make?: (env: BenchEnvironment, name: string) => Record<string, unknown>;
}

/**
 * The fixed mix, with replicas where the environment has a second region (prod): per 10 databases, 3 RDS (2
 * PostgreSQL with a same-region replica in staging and prod and a cross-region one in prod, 1 MySQL), 1 Aurora
 * PostgreSQL cluster (writer and a reader; in prod a global database with a secondary cluster in eu-central-1, like
 * config/prod.ts's `payments`), 1 DynamoDB (a replica in prod), 1 ElastiCache Valkey replication group (the tier's
 * node type and replicas: one node in dev, a Multi-AZ replica in staging; in prod a store like config/prod.ts's
 * `session-cache`, two replicas and a Global Datastore secondary in eu-central-1), 3 Cloud SQL (2 PostgreSQL, replica
 * in prod; 1 MySQL), 1 Memorystore for Redis cache (STANDARD_HA with a read replica in staging and prod).
 */
/** The fleet's relational databases declare no roles: nothing connects to a benchmark fleet (policy least-privilege). */
const NO_APPLICATIONS = (env: string) =>
  env === 'prod' ? [{ rule: 'least-privilege', reason: 'bench: the fleet measures synthesis; no application connects to it' }] : [];

export const MIX: readonly MixRow[] = [
  {
    kind: 'rds-postgres',
    weight: 2,
    prefix: 'pg',
    make: (env, name) => ({
      kind: 'rds-instance',
      name,
      engine: 'postgres',
      version: '17.6',
      instanceClass: SIZES[env].rdsClass,
      allocatedStorageGiB: SIZES[env].storage,
      maxAllocatedStorageGiB: SIZES[env].maxStorage,
      databaseName: 'app',
      allowedCidrs: [SIZES[env].cidr],
      replicas: env === 'prod' ? [{ region: 'eu-west-1' }, { region: 'eu-central-1' }] : env === 'staging' ? [{ region: 'eu-west-1' }] : [],
      waivers: NO_APPLICATIONS(env),
    }),
  },
  {
    kind: 'rds-mysql',
    weight: 1,
    prefix: 'my',
    make: (env, name) => ({
      kind: 'rds-instance',
      name,
      engine: 'mysql',
      version: '8.4.6',
      instanceClass: SIZES[env].rdsClass,
      allocatedStorageGiB: SIZES[env].storage,
      maxAllocatedStorageGiB: SIZES[env].maxStorage,
      databaseName: 'app',
      allowedCidrs: [SIZES[env].cidr],
      waivers: NO_APPLICATIONS(env),
    }),
  },
  {
    kind: 'aurora-cluster',
    weight: 1,
    prefix: 'au',
    make: (env, name) => ({
      kind: 'aurora-cluster',
      name,
      engine: 'aurora-postgresql',
      version: '16.9',
      instanceClass: SIZES[env].auroraClass,
      readers: 1,
      databaseName: 'app',
      allowedCidrs: [SIZES[env].cidr],
      secondaryRegions: env === 'prod' ? ['eu-central-1'] : [],
      waivers: NO_APPLICATIONS(env),
    }),
  },
  {
    kind: 'dynamodb-table',
    weight: 1,
    prefix: 'ddb',
    make: (env, name) => ({
      kind: 'dynamodb-table',
      name,
      partitionKey: { name: 'id', type: 'string' },
      sortKey: { name: 'createdAt', type: 'number' },
      timeToLiveAttribute: 'expiresAt',
      replicaRegions: env === 'prod' ? ['eu-central-1'] : [],
      waivers: env === 'prod' ? [{ rule: 'tls-enforced', reason: 'bench: TLS-only replica policy needs a second change (see config/prod.ts)' }] : [],
    }),
  },
  {
    kind: 'elasticache-cluster',
    weight: 1,
    prefix: 'ec',
    make: (env, name) => ({
      kind: 'elasticache-cluster',
      name,
      use: env === 'prod' ? 'store' : 'cache',
      nodeType: env === 'prod' ? 'cache.r7g.large' : undefined,
      replicasPerShard: env === 'prod' ? 2 : undefined,
      notifyKeyspaceEvents: env === 'prod' ? 'Ex' : undefined,
      allowedCidrs: [SIZES[env].cidr],
      secondaryRegions: env === 'prod' ? ['eu-central-1'] : [],
      waivers: [
        { rule: 'point-in-time-recovery', reason: 'bench: ElastiCache has no point-in-time recovery (see config/prod.ts)' },
        ...(env === 'dev' ? [] : [{ rule: 'deletion-protection', reason: 'bench: ElastiCache has no deletion protection (see config/prod.ts)' }]),
      ],
    }),
  },
  {
    kind: 'cloudsql-postgres',
    weight: 2,
    prefix: 'sqlpg',
    make: (env, name) => ({
      kind: 'cloudsql-instance',
      name,
      engine: 'postgres',
      version: '16',
      edition: 'ENTERPRISE',
      tier: SIZES[env].sqlTier,
      diskSizeGb: SIZES[env].disk,
      diskAutoresizeLimitGb: SIZES[env].diskLimit,
      replicas: env === 'prod' ? [{ region: 'europe-west4' }] : [],
      waivers: NO_APPLICATIONS(env),
    }),
  },
  {
    kind: 'cloudsql-mysql',
    weight: 1,
    prefix: 'sqlmy',
    make: (env, name) => ({
      kind: 'cloudsql-instance',
      name,
      engine: 'mysql',
      version: '8.4',
      edition: 'ENTERPRISE',
      tier: SIZES[env].sqlTier,
      diskSizeGb: SIZES[env].disk,
      diskAutoresizeLimitGb: SIZES[env].diskLimit,
      binaryLog: true,
      waivers: NO_APPLICATIONS(env),
    }),
  },
  {
    kind: 'memorystore-instance',
    weight: 1,
    prefix: 'cache',
    make: (env, name) => ({
      kind: 'memorystore-instance',
      name,
      memorySizeGb: 5,
      readReplicas: env === 'dev' ? 0 : 1,
      waivers: [
        { rule: 'point-in-time-recovery', reason: 'bench: a cache has no point-in-time recovery (see config/prod.ts)' },
        ...(env === 'dev' ? [] : [{ rule: 'backup-retention', reason: 'bench: Memorystore keeps only its newest RDB snapshot (see config/prod.ts)' }]),
      ],
    }),
  },
];

/** The kinds in generation order: weights interleaved, so every prefix of the sequence is close to the mix. */
export function mixSequence(mix: readonly MixRow[] = MIX): MixRow[] {
  const rows = mix.filter((row) => row.weight > 0 && row.make);
  const total = rows.reduce((sum, row) => sum + row.weight, 0);
  const sequence: MixRow[] = [];
  const placed = new Map<MixRow, number>(rows.map((row) => [row, 0]));
  for (let slot = 1; slot <= total; slot++) {
    // The row furthest behind its share goes next (ties: table order).
    const next = rows.reduce((best, row) => ((slot * row.weight) / total - placed.get(row)! > (slot * best.weight) / total - placed.get(best)! ? row : best));
    placed.set(next, placed.get(next)! + 1);
    sequence.push(next);
  }
  return sequence;
}

export interface FleetDatabase {
  readonly environment: BenchEnvironment;
  readonly kind: BenchKind;
  readonly config: Record<string, unknown>;
}

/** Database i goes to environment i mod 3; each environment walks the mix sequence in order. */
export function fleet(n: number, mix: readonly MixRow[] = MIX): FleetDatabase[] {
  const sequence = mixSequence(mix);
  const perEnvironment = new Map<BenchEnvironment, number>();
  const databases: FleetDatabase[] = [];
  for (let i = 0; i < n; i++) {
    const environment = BENCH_ENVIRONMENTS[i % BENCH_ENVIRONMENTS.length];
    const ordinal = perEnvironment.get(environment) ?? 0;
    perEnvironment.set(environment, ordinal + 1);
    const row = sequence[ordinal % sequence.length];
    const name = `${row.prefix}-${String(ordinal + 1).padStart(4, '0')}`;
    databases.push({ environment, kind: row.kind, config: stripUndefined(row.make!(environment, name)) });
  }
  return databases;
}

export function environmentConfig(environment: BenchEnvironment, databases: readonly FleetDatabase[]): Record<string, unknown> {
  const sample = SAMPLES[environment] as unknown as Record<string, unknown>;
  return { ...sample, databases: databases.filter((db) => db.environment === environment).map((db) => db.config) };
}

/** Writes `<dir>/<env>.js` for the three environments (emptying `dir` first); returns the fleet. */
export function writeFleet(dir: string, n: number): FleetDatabase[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databases = fleet(n);
  for (const environment of BENCH_ENVIRONMENTS) {
    const body = JSON.stringify(environmentConfig(environment, databases), null, 1);
    fs.writeFileSync(path.join(dir, `${environment}.js`), `// Generated by bench/fleet.ts (N=${n}).\nmodule.exports = ${body};\n`);
  }
  return databases;
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}

if (require.main === module) {
  const [dir, n] = process.argv.slice(2);
  if (!dir || !n) throw new Error('usage: fleet.ts <dir> <n>');
  const databases = writeFleet(dir, Number(n));
  const counts: Record<string, number> = {};
  for (const db of databases) counts[db.kind] = (counts[db.kind] ?? 0) + 1;
  console.log(`${databases.length} databases in ${dir}:`, counts);
}
