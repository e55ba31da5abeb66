import { ConfigError, formatProblem } from '../../lib/config/config-error';
import { checkEnvironment, validateEnvironment } from '../../lib/environments/validate-environment';
import { fixtureConfig, withChange } from '../support/fixtures';

/** GIVEN a config, WHEN it is checked, THEN these exact problem lines come back. */
function problemsOf(config: unknown, name = 'test'): string[] {
  const check = checkEnvironment(name, config);
  return check.ok ? [] : check.problems.map(formatProblem);
}

describe('a valid environment', () => {
  test('resolves with tier defaults merged in', () => {
    const env = validateEnvironment('test', fixtureConfig('production'));
    const orders = env.databases.find((db) => db.name === 'orders')!;
    expect(orders).toMatchObject({
      region: 'eu-west-1',
      highAvailability: true,
      deletionProtection: true,
      removalPolicy: 'retain',
      pointInTimeRecovery: true,
      backupRetentionDays: 35,
      tags: { team: 'platform' },
    });
    const ledger = env.databases.find((db) => db.name === 'ledger')!;
    expect(ledger).toMatchObject({ region: 'europe-west1', retainedBackups: 35, highAvailability: true });
  });

  test.each([
    ['development', { highAvailability: false, deletionProtection: false, removalPolicy: 'destroy', backupRetentionDays: 1 }],
    ['staging', { highAvailability: true, deletionProtection: true, removalPolicy: 'snapshot', backupRetentionDays: 7 }],
  ] as const)('takes the %s tier defaults', (tier, expected) => {
    const env = validateEnvironment('test', fixtureConfig(tier));
    expect(env.databases[0]).toMatchObject(expected);
  });

  test('a database setting wins over its tier default', () => {
    const env = validateEnvironment(
      'test',
      withChange((c) => {
        c.databases[0].backupRetentionDays = 14;
        c.databases[0].highAvailability = false;
      }),
    );
    expect(env.databases[0]).toMatchObject({ backupRetentionDays: 14, highAvailability: false });
  });
});

describe('schema problems', () => {
  test('a malformed account id', () => {
    expect(problemsOf(withChange((c) => (c.aws.account = '12345')))).toEqual([
      'test › aws.account = "12345": must be a 12-digit AWS account id. Fix: change aws.account in config/test.ts',
    ]);
  });

  test('a malformed project number', () => {
    expect(problemsOf(withChange((c) => (c.gcp.projectNumber = 'acme-123')))).toEqual([
      'test › gcp.projectNumber = "acme-123": must be the numeric project number (digits only). Fix: change gcp.projectNumber in config/test.ts',
    ]);
  });

  test('an unknown tier', () => {
    expect(problemsOf(withChange((c) => (c.tier = 'prod')))).toEqual([
      'test › tier = "prod": must be one of development, staging, production. Fix: change tier in config/test.ts',
    ]);
  });

  test('an unknown database kind', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].kind = 'redis')))).toEqual([
      'test › orders › databases[0].kind = "redis": kind must be one of rds-instance, aurora-cluster, dynamodb-table, cloudsql-instance, elasticache-cluster, memorystore-instance. Fix: change databases[0].kind in config/test.ts',
    ]);
  });

  test('a misspelled setting is never silently ignored', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].backupRetention = 7)))).toEqual([
      "test › orders › databases[0].backupRetention = 7: is not a known setting here. Fix: remove 'backupRetention' from config/test.ts or check its spelling",
    ]);
  });

  test('retention out of range', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].backupRetentionDays = 40)))).toEqual([
      'test › orders › databases[0].backupRetentionDays = 40: must be from 0 to 35 days (RDS limit). Fix: change databases[0].backupRetentionDays in config/test.ts',
    ]);
  });

  test('an invalid database name', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].name = 'Orders_DB')))).toEqual([
      'test › Orders_DB › databases[0].name = "Orders_DB": a database name must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: change databases[0].name in config/test.ts',
    ]);
  });

  test('an unknown network type', () => {
    expect(problemsOf(withChange((c) => (c.aws.regions['eu-west-1'].network = { type: 'default' })))).toEqual([
      "test › aws.regions.eu-west-1.network.type = \"default\": network.type must be 'existing' (vpcId, privateSubnetIds, availabilityZones) or 'isolated' (cidr, availabilityZones). Fix: change aws.regions.eu-west-1.network.type in config/test.ts",
    ]);
  });

  test('every problem is reported at once', () => {
    const problems = problemsOf(
      withChange((c) => {
        c.aws.account = 'x';
        c.databases[0].allocatedStorageGiB = 5;
        c.databases[1].diskSizeGb = 1;
      }),
    );
    expect(problems).toHaveLength(3);
  });

  test('an invalid environment name', () => {
    expect(problemsOf(fixtureConfig(), 'Prod_EU')).toEqual([
      'Prod_EU › (environment) = "Prod_EU": the environment name must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: rename config/Prod_EU.ts',
    ]);
  });
});

describe('cross-field problems', () => {
  test('duplicate database names', () => {
    expect(problemsOf(withChange((c) => (c.databases[1].name = 'orders')))).toEqual([
      'test › orders › databases[1].name = "orders": duplicates the name of databases[0]; database names must be unique in an environment. Fix: rename one of the two databases',
    ]);
  });

  test('a database in a region without a key or topic', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].region = 'us-east-1')))).toEqual([
      'test › orders › databases[0].region = "us-east-1": the region is not one of aws.regions (eu-west-1, eu-central-1), so it would have no customer-managed key or alarm topic. Fix: add \'us-east-1\' to aws.regions or choose a declared region',
    ]);
  });

  test('a primary region that is not declared', () => {
    expect(problemsOf(withChange((c) => (c.gcp.primaryRegion = 'us-central1')))).toContain(
      'test › gcp.primaryRegion = "us-central1": is not one of gcp.regions (europe-west1, europe-west4), so it would have no KMS key. Fix: add \'us-central1\' to gcp.regions',
    );
  });

  test('a replica region equal to the primary region (DynamoDB replicas live in other regions)', () => {
    const problems = problemsOf(
      withChange((c) => {
        c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, replicaRegions: ['eu-west-1'] });
      }),
    );
    expect(problems).toContain(
      "test › sessions › databases[2].replicaRegions[0] = \"eu-west-1\": equals the primary's region; replicas of a dynamodb-table must be in other regions. Fix: remove 'eu-west-1' from replicaRegions or move the primary",
    );
  });

  test('a replica in a region without a key', () => {
    const problems = problemsOf(withChange((c) => (c.databases[1].replicas = [{ region: 'asia-east1' }])));
    expect(problems).toContain(
      'test › ledger › databases[1].replicas[0].region = "asia-east1": the replica region is not one of gcp.regions (europe-west1, europe-west4), so it would have no customer-managed key. Fix: add \'asia-east1\' to gcp.regions or choose a declared region',
    );
  });

  test('a database of a cloud the environment does not configure', () => {
    expect(problemsOf(withChange((c) => delete c.gcp))).toEqual([
      "test › ledger › databases[1].kind = \"cloudsql-instance\": is a Google Cloud database but the environment has no 'gcp' section. Fix: add a 'gcp' section to the environment or remove this database",
    ]);
  });

  test('availability zones of another region', () => {
    expect(problemsOf(withChange((c) => (c.aws.regions['eu-west-1'].network.availabilityZones = ['eu-west-1a', 'us-east-1b'])))).toEqual([
      'test › aws.regions.eu-west-1.network.availabilityZones[1] = "us-east-1b": is not an availability zone of eu-west-1; its zones: eu-west-1a, eu-west-1b, eu-west-1c. Fix: use zones of eu-west-1, such as eu-west-1a',
    ]);
  });

  test('subnets that do not match the zones', () => {
    expect(problemsOf(withChange((c) => c.aws.regions['eu-west-1'].network.privateSubnetIds.push('subnet-0123456789abcdef2')))).toEqual([
      'test › aws.regions.eu-west-1.network.privateSubnetIds = ["subnet-0123456789abcdef0","subnet-0123456789abcdef1","subnet-0123456789abcdef2"]: lists 3 subnets for 2 availability zones; give one private subnet per zone, in the same order. Fix: list exactly one private subnet id per availability zone',
    ]);
  });

  test('a bare major engine version', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].version = '17')))).toEqual([
      'test › orders › databases[0].version = "17": is not a supported PostgreSQL version; supported full versions: 14.22, 15.17, 16.13, 17.6, 17.9, 18.3. Fix: pin one of the supported full versions (a bare major version is not accepted)',
    ]);
  });

  test('an instance class outside the catalog', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].instanceClass = 'db.x9.huge')))).toEqual([
      'test › orders › databases[0].instanceClass = "db.x9.huge": is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>). Fix: choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge',
    ]);
  });

  test('an autoscaling limit below the allocated storage', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].maxAllocatedStorageGiB = 50)))).toEqual([
      'test › orders › databases[0].maxAllocatedStorageGiB = 50: must be at least 10% above allocatedStorageGiB (100), so at least 110 GiB, for RDS storage autoscaling. Fix: raise it to 110 or more, or remove it to turn autoscaling off',
    ]);
  });

  test('a database open to the internet', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].allowedCidrs = ['0.0.0.0/0'])))).toEqual([
      'test › orders › databases[0].allowedCidrs[0] = "0.0.0.0/0": opens the database to every address; databases are never public. Fix: name the CIDR blocks of your application subnets',
    ]);
  });

  test('point-in-time recovery without backups', () => {
    expect(problemsOf(withChange((c) => (c.databases[0].backupRetentionDays = 0)))).toEqual([
      'test › orders › databases[0].backupRetentionDays = 0: must be at least 1 day when pointInTimeRecovery is on (RDS point-in-time recovery needs automated backups). Fix: set backupRetentionDays from 1 to 35, or set pointInTimeRecovery: false',
    ]);
  });

  test('names are short enough for every identifier they end up in', () => {
    expect(problemsOf(fixtureConfig(), 'an-environment-name-x')).toEqual([
      'an-environment-name-x › (environment) = "an-environment-name-x": the environment name must be 1–20 characters long (it has 21). Fix: rename config/an-environment-name-x.ts',
    ]);
    expect(problemsOf(withChange((c) => (c.databases[0].name = 'orders-and-invoices-archive-xyz')))).toEqual([
      'test › orders-and-invoices-archive-xyz › databases[0].name = "orders-and-invoices-archive-xyz": a database name must be 1–30 characters long (it has 31). Fix: change databases[0].name in config/test.ts',
    ]);
  });

  test('a Cloud SQL custom tier that does not exist', () => {
    expect(problemsOf(withChange((c) => (c.databases[1].tier = 'db-custom-3-7680')))).toEqual([
      'test › ledger › databases[1].tier = "db-custom-3-7680": has 3 vCPUs; custom tiers take 1 or an even number from 2 to 96. Fix: choose a valid tier such as db-custom-2-7680',
    ]);
  });

  test('a tier ENTERPRISE_PLUS does not offer', () => {
    expect(problemsOf(withChange((c) => Object.assign(c.databases[1], { tier: 'db-custom-2-7680', edition: 'ENTERPRISE_PLUS' })))).toEqual([
      'test › ledger › databases[1].tier = "db-custom-2-7680": is not a performance-optimized tier; ENTERPRISE_PLUS offers only db-perf-optimized-N-<vCPU>. Fix: choose a tier such as db-perf-optimized-N-4, or set edition: \'ENTERPRISE\'',
    ]);
  });

  test('a performance-optimized tier on ENTERPRISE', () => {
    expect(problemsOf(withChange((c) => (c.databases[1].tier = 'db-perf-optimized-N-4')))).toEqual([
      'test › ledger › databases[1].tier = "db-perf-optimized-N-4": is a performance-optimized tier, which only ENTERPRISE_PLUS offers. Fix: set edition: \'ENTERPRISE_PLUS\' or choose a db-custom tier',
    ]);
  });

  test('an unsupported Cloud SQL version', () => {
    expect(problemsOf(withChange((c) => (c.databases[1].version = '9.6')))).toEqual([
      'test › ledger › databases[1].version = "9.6": is not a supported Cloud SQL PostgreSQL version; supported: 14, 15, 16, 17. Fix: choose a supported version',
    ]);
  });
});

test('an Aurora cluster is accepted now that a construct renders every setting the schema has', () => {
  const cluster = { kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version: '16.9', instanceClass: 'db.r7g.large' };
  expect(problemsOf(withChange((c) => c.databases.push(cluster)))).toEqual([]);
});

test('validateEnvironment throws one ConfigError listing every problem', () => {
  const config = withChange((c) => {
    c.databases[0].backupRetentionDays = 40;
    c.aws.account = '1';
  });
  expect(() => validateEnvironment('test', config)).toThrow(ConfigError);
  expect(() => validateEnvironment('test', config)).toThrow(
    'Invalid database configuration (2 problems):\n' +
      '  - test › aws.account = "1": must be a 12-digit AWS account id. Fix: change aws.account in config/test.ts\n' +
      '  - test › orders › databases[0].backupRetentionDays = 40: must be from 0 to 35 days (RDS limit). Fix: change databases[0].backupRetentionDays in config/test.ts',
  );
});

describe('Cloud SQL backups and logs', () => {
  test('days of logs must stay below the retained backups', () => {
    expect(problemsOf(withChange((c) => Object.assign(c.databases[1], { retainedBackups: 5, transactionLogRetentionDays: 5 })))).toEqual([
      'test › ledger › databases[1].transactionLogRetentionDays = 5: must be less than retainedBackups (5); Cloud SQL keeps more backups than days of transaction logs. Fix: lower it below 5 or raise retainedBackups above 5',
    ]);
  });

  test('more than 7 days of logs only on ENTERPRISE_PLUS', () => {
    expect(problemsOf(withChange((c) => (c.databases[1].transactionLogRetentionDays = 14)))).toEqual([
      'test › ledger › databases[1].transactionLogRetentionDays = 14: must be from 1 to 7 days for ENTERPRISE postgres (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server). Fix: lower it to 7 or less',
    ]);
    expect(
      problemsOf(
        withChange((c) => Object.assign(c.databases[1], { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', transactionLogRetentionDays: 14 })),
      ),
    ).toEqual([]);
  });

  test('an email address listed twice', () => {
    expect(problemsOf(withChange((c) => (c.gcp.notifications.emails = ['a@example.com', 'a@example.com'])))).toEqual([
      'test › gcp.notifications.emails = ["a@example.com","a@example.com"]: lists an email address twice. Fix: change gcp.notifications.emails in config/test.ts',
    ]);
  });
});

test('an approved replacement needs the resource and the change as the guard names them, and a reason', () => {
  expect(problemsOf(withChange((c) => (c.approvedReplacements = [{ resource: 'DatabaseInstance', change: 'KmsKeyId', reason: 'ok' }])))).toEqual([
    'test › approvedReplacements[0].resource = "DatabaseInstance": must be <stack>/<resource>, as the guard names it. Fix: change approvedReplacements[0].resource in config/test.ts',
    'test › approvedReplacements[0].change = "KmsKeyId": must be the change fingerprint the guard prints (12 hex digits), so the approval covers only that change. Fix: change approvedReplacements[0].change in config/test.ts',
    'test › approvedReplacements[0].reason = "ok": must say why the replacement is safe (at least 10 characters). Fix: change approvedReplacements[0].reason in config/test.ts',
  ]);
});
