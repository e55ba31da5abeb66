import { RemovalPolicy } from 'aws-cdk-lib';
import type { RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';
import type { RdsInstanceClass } from '../../constructs/common/instance-catalog';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { KEY_ALIAS_ARN, onlyResource, synthDatabase, TOPIC_ARN } from './support';

const GIB = 1024 ** 3;

describe('RdsDatabase defaults (PostgreSQL 17.6 on db.r6g.large)', () => {
  const { template } = synthDatabase();

  test('encrypted with the customer key, private, Multi-AZ, protected, backed up, IAM authentication on', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'test-orders',
      Engine: 'postgres',
      EngineVersion: '17.6',
      DBInstanceClass: 'db.r6g.large',
      LicenseModel: 'postgresql-license',
      StorageEncrypted: true,
      KmsKeyId: KEY_ALIAS_ARN,
      StorageType: 'gp3',
      PubliclyAccessible: false,
      MultiAZ: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      PreferredBackupWindow: '02:00-03:00',
      PreferredMaintenanceWindow: 'sun:04:00-sun:05:00',
      CopyTagsToSnapshot: true,
      EnableIAMDatabaseAuthentication: true,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      AllowMajorVersionUpgrade: true,
    });
  });

  test('the master password is managed by RDS in Secrets Manager with the customer key, never a literal', () => {
    const instance = onlyResource(template, 'AWS::RDS::DBInstance');
    expect(instance.Properties).toMatchObject({ ManageMasterUserPassword: true, MasterUsername: 'dbadmin', MasterUserSecret: { KmsKeyId: KEY_ALIAS_ARN } });
    expect(instance.Properties.MasterUserPassword).toBeUndefined();
  });

  test('Performance Insights (Database Insights) with the customer key, and Enhanced Monitoring', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: KEY_ALIAS_ARN,
      PerformanceInsightsRetentionPeriod: 7,
      DatabaseInsightsMode: 'standard',
      MonitoringInterval: 60,
      MonitoringRoleArn: Match.anyValue(),
    });
  });

  test('exported logs go to log groups created first, with retention and the customer key', () => {
    for (const type of ['postgresql', 'upgrade']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/rds/instance/test-orders/${type}`,
        RetentionInDays: 30,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogKey'), 'Arn'] },
      });
    }
    const instance = onlyResource(template, 'AWS::RDS::DBInstance');
    expect(instance.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/Logspostgresql/), expect.stringMatching(/Logsupgrade/)]));
  });

  test('a custom parameter group: TLS, memory formulas, SSD planner, slow queries, timeouts, autovacuum, pgaudit', () => {
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Family: 'postgres17',
      Parameters: Match.objectLike({
        'rds.force_ssl': '1',
        shared_buffers: '{DBInstanceClassMemory/32768}',
        effective_cache_size: '{DBInstanceClassMemory*7/81920}',
        maintenance_work_mem: 'LEAST({DBInstanceClassMemory/16384},2097152)',
        random_page_cost: '1.1',
        effective_io_concurrency: '200',
        log_min_duration_statement: '1000',
        idle_in_transaction_session_timeout: '600000',
        autovacuum_vacuum_scale_factor: '0.05',
        shared_preload_libraries: 'pg_stat_statements,pgaudit',
        'pgaudit.log': 'ddl,role',
      }),
    });
  });

  test('snapshot on removal by default; the parameter group and log groups stay with it', () => {
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    template.hasResource('AWS::RDS::DBParameterGroup', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
  });

  test('no ingress unless CIDRs or security groups are named, and no open egress', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('alarms from the catalog, in two severities, notify the topic on alarm and on recovery', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmName).sort()).toEqual([
      'test-orders-connections-critical',
      'test-orders-connections-warning',
      'test-orders-cpu-critical',
      'test-orders-cpu-warning',
      'test-orders-deadlocks-warning',
      'test-orders-disk-queue-warning',
      'test-orders-memory-critical',
      'test-orders-memory-warning',
      'test-orders-read-latency-warning',
      'test-orders-storage-critical',
      'test-orders-storage-warning',
      'test-orders-write-latency-warning',
    ]);
    for (const alarm of alarms) expect(alarm.Properties).toMatchObject({ AlarmActions: [TOPIC_ARN], OKActions: [TOPIC_ARN] });
  });

  test('thresholds derive from the class and the storage', () => {
    const threshold = (name: string) => onlyResource(template, 'AWS::CloudWatch::Alarm', new RegExp(name.replace(/-/g, ''), 'i')).Properties.Threshold;
    expect(threshold('cpu-critical')).toBe(90);
    expect(threshold('memory-critical')).toBe(Math.floor(16 * GIB * 0.1)); // 10% of 16 GiB
    expect(threshold('storage-warning')).toBe(Math.floor(20 * GIB * 0.3)); // 30% of the default 20 GiB
    // 90% of PostgreSQL's default max_connections for 16 GiB: LEAST({DBInstanceClassMemory/9531392},5000)
    expect(threshold('connections-critical')).toBe(Math.floor(Math.floor((16 * GIB) / 9531392) * 0.9));
  });

  test('deadlocks are counted from the postgresql log and alarm on the first one', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '"deadlock detected"',
      LogGroupName: { Ref: Match.stringLikeRegexp('Logspostgresql') },
      MetricTransformations: [Match.objectLike({ MetricNamespace: 'Databases/RDS', MetricName: 'Deadlocks', MetricValue: '1' })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-deadlocks-warning',
      Namespace: 'Databases/RDS',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('RdsDatabase options', () => {
  test('allowed CIDRs and security groups open only the client port', () => {
    const { template } = synthDatabase({ allowedCidrs: ['10.0.0.0/16'], allowedSecurityGroupIds: ['sg-0123456789abcdef0'], port: 6432 });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        { CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 6432, ToPort: 6432, Description: 'PostgreSQL clients in 10.0.0.0/16' },
        {
          SourceSecurityGroupId: 'sg-0123456789abcdef0',
          IpProtocol: 'tcp',
          FromPort: 6432,
          ToPort: 6432,
          Description: 'PostgreSQL clients in sg-0123456789abcdef0',
        },
      ],
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', { Port: '6432' });
  });

  test('a generated Secrets Manager password, encrypted with the key, retained, rotated on a schedule', () => {
    const { template } = synthDatabase({ credentials: 'secrets-manager', passwordRotationDays: 14 });
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Name: 'test-orders/master',
        KmsKeyId: KEY_ALIAS_ARN,
        GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
      }),
    });
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', { RotationRules: { ScheduleExpression: 'rate(14 days)' } });
    const instance = onlyResource(template, 'AWS::RDS::DBInstance');
    expect(JSON.stringify(instance.Properties.MasterUserPassword)).toContain('resolve:secretsmanager');
    expect(instance.Properties.ManageMasterUserPassword).toBeUndefined();
  });

  test('a retained database retains its parameter group, secret and logs', () => {
    const { template } = synthDatabase({ removalPolicy: RemovalPolicy.RETAIN, credentials: 'secrets-manager' });
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::RDS::DBParameterGroup', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
  });

  test('a disposable database is destroyed with its automated backups, secret and logs', () => {
    const { template } = synthDatabase({ removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false, credentials: 'secrets-manager' });
    template.hasResource('AWS::RDS::DBInstance', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeleteAutomatedBackups: true, DeletionProtection: false }),
    });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
  });

  test('storage autoscaling', () => {
    synthDatabase({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 400 }).template.hasResourceProperties('AWS::RDS::DBInstance', {
      AllocatedStorage: '100',
      MaxAllocatedStorage: 400,
    });
  });

  test('backup and maintenance windows, and automated backups replicated to another region with its key', () => {
    const { template } = synthDatabase({
      preferredBackupWindow: '23:30-00:30',
      preferredMaintenanceWindow: 'wed:03:00-wed:03:30',
      backupRetentionDays: 14,
      backupReplication: { region: 'eu-central-1', keyArn: 'arn:aws:kms:eu-central-1:123456789012:alias/test-databases' },
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      PreferredBackupWindow: '23:30-00:30',
      PreferredMaintenanceWindow: 'wed:03:00-wed:03:30',
      AutomaticBackupReplicationRegion: 'eu-central-1',
      AutomaticBackupReplicationKmsKeyId: 'arn:aws:kms:eu-central-1:123456789012:alias/test-databases',
      AutomaticBackupReplicationRetentionPeriod: 14,
    });
  });

  test('a burstable class gets a CPU-credit alarm; micro and small classes have no Performance Insights', () => {
    const medium = synthDatabase({ instanceClass: 'db.t4g.medium' }).template;
    // t4g.medium earns 24 credits an hour; the alarm fires below a fifth of a full day's balance.
    medium.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CPUCreditBalance',
      Threshold: Math.floor(24 * 24 * 0.2),
      ComparisonOperator: 'LessThanThreshold',
    });
    const small = synthDatabase({ instanceClass: 'db.t4g.small' }).template;
    small.hasResourceProperties('AWS::RDS::DBInstance', { EnablePerformanceInsights: false, PerformanceInsightsKMSKeyId: Match.absent() });
    synthDatabase().template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'CPUCreditBalance' }, 0);
  });

  test('alarm thresholds can be overridden by alarm id', () => {
    synthDatabase({ alarmThresholds: { 'cpu-warning': 70 } }).template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-cpu-warning',
      Threshold: 70,
    });
  });

  test('parameter overrides win over the tuned values', () => {
    synthDatabase({ parameterOverrides: { random_page_cost: 2, log_statement: 'ddl' } }).template.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Parameters: Match.objectLike({ random_page_cost: '2', log_statement: 'ddl', 'rds.force_ssl': '1' }),
    });
  });

  test('without a topic the alarms exist but a warning says nobody is notified', () => {
    const { stack, template } = synthDatabase({ alarmTopic: undefined });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'test-orders-cpu-critical', AlarmActions: Match.absent() });
    Annotations.fromStack(stack).hasWarning('/Test/Orders', Match.stringLikeRegexp('alarms have no action; pass alarmTopic'));
  });

  test('without a log key, log groups keep CloudWatch Logs encryption and a warning says so', () => {
    const { stack, template } = synthDatabase({ logEncryptionKey: undefined });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.absent() });
    Annotations.fromStack(stack).hasWarning('/Test/Orders', Match.stringLikeRegexp('pass logEncryptionKey'));
  });
});

describe('RDS Proxy (optional)', () => {
  test('off by default', () => {
    synthDatabase().template.resourceCountIs('AWS::RDS::DBProxy', 0);
  });

  test('requires TLS and IAM authentication and logs in with the RDS-managed secret, decrypted with the key', () => {
    const { template } = synthDatabase({ proxy: true });
    template.hasResourceProperties('AWS::RDS::DBProxy', {
      DBProxyName: 'test-orders',
      EngineFamily: 'POSTGRESQL',
      RequireTLS: true,
      Auth: [
        Match.objectLike({
          AuthScheme: 'SECRETS',
          IAMAuth: 'REQUIRED',
          SecretArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('OrdersInstance'), 'MasterUserSecret.SecretArn'] },
        }),
      ],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'kms:Decrypt',
            Condition: {
              'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/test-databases' },
              StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' },
            },
          }),
        ]),
      }),
    });
  });
});

describe('same-region read replicas', () => {
  const { template } = synthDatabase({
    removalPolicy: RemovalPolicy.SNAPSHOT,
    replicas: [
      { identifier: 'test-orders-replica-1', availabilityZone: 'eu-west-1b' },
      { identifier: 'test-orders-replica-2', instanceClass: 'db.r6g.xlarge', availabilityZone: 'eu-west-1a' },
    ],
  });
  const replica = (n: number) => onlyResource(template, 'AWS::RDS::DBInstance', new RegExp(`Replica${n}Instance`));

  test('replicate from the primary, spread over the zones, inheriting its encryption', () => {
    expect(replica(1).Properties).toMatchObject({
      DBInstanceIdentifier: 'test-orders-replica-1',
      SourceDBInstanceIdentifier: { 'Fn::Join': ['', ['arn:aws:rds:eu-west-1:123456789012:db:', { Ref: expect.stringMatching(/^OrdersInstance/) }]] },
      AvailabilityZone: 'eu-west-1b',
      DBInstanceClass: 'db.r6g.large',
      PubliclyAccessible: false,
    });
    expect(replica(2).Properties).toMatchObject({ AvailabilityZone: 'eu-west-1a', DBInstanceClass: 'db.r6g.xlarge' });
    // A replica must not carry StorageEncrypted (cfn-lint E3020); same-region replicas take the source's key.
    expect(replica(1).Properties.StorageEncrypted).toBeUndefined();
    expect(replica(1).Properties.KmsKeyId).toBeUndefined();
  });

  test('each replica has its own parameter group, tuned for its class', () => {
    template.resourceCountIs('AWS::RDS::DBParameterGroup', 3);
    expect(replica(2).Properties.DBParameterGroupName).toEqual({ Ref: expect.stringMatching(/^OrdersReplica2Parameters/) });
  });

  test('replicas get their own alarms, replica lag included, and no deadlock alarm', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
    expect(names).toEqual(
      expect.arrayContaining(['test-orders-replica-1-replica-lag-warning', 'test-orders-replica-1-replica-lag-critical', 'test-orders-replica-2-cpu-critical']),
    );
    expect(names).not.toContain('test-orders-replica-1-deadlocks-warning');
    expect(names).not.toContain('test-orders-replica-lag-warning');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-replica-1-replica-lag-warning',
      MetricName: 'ReplicaLag',
      Threshold: 30,
    });
  });

  test('a replica of a snapshotted primary is destroyed with the stack: its data lives in the source', () => {
    expect(replica(1).DeletionPolicy).toBe('Delete');
  });
});

describe('a major version change upgrades in place', () => {
  const logicalId = (template: Template) => Object.keys(template.findResources('AWS::RDS::DBInstance'))[0];
  const v16 = synthDatabase({ engineVersion: '16.13' }).template;
  const v17 = synthDatabase({ engineVersion: '17.6' }).template;

  test('the instance keeps its logical id and identifier; only the version and the parameter group family change', () => {
    expect(logicalId(v16)).toBe(logicalId(v17));
    const [before, after] = [v16, v17].map((t) => onlyResource(t, 'AWS::RDS::DBInstance').Properties);
    expect([before.DBInstanceIdentifier, after.DBInstanceIdentifier]).toEqual(['test-orders', 'test-orders']);
    expect([before.EngineVersion, after.EngineVersion]).toEqual(['16.13', '17.6']);
    expect(after.AllowMajorVersionUpgrade).toBe(true);
    const groups = [v16, v17].map((t) => Object.entries(t.findResources('AWS::RDS::DBParameterGroup'))[0]);
    expect(groups[0][0]).toBe(groups[1][0]);
    expect([groups[0][1].Properties.Family, groups[1][1].Properties.Family]).toEqual(['postgres16', 'postgres17']);
  });
});

describe('RdsDatabase rejects what RDS would reject, with every problem at once', () => {
  test('bad identifier, bare version, unknown class, retention out of range, public CIDR', () => {
    expect(() =>
      synthDatabase({
        identifier: 'Orders--',
        engineVersion: '17',
        instanceClass: 'db.huge' as RdsInstanceClass, // what a JavaScript caller could pass: tsc rejects it
        backupRetentionDays: 40,
        allowedCidrs: ['0.0.0.0/0'],
      }),
    ).toThrow(
      'Invalid RdsDatabase Test/Orders:\n' +
        '  - identifier = "Orders--": the RDS identifier \'Orders--\' must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: shorten or rename the database\n' +
        '  - engineVersion = "17": is not a supported PostgreSQL version; supported full versions: 14.22, 15.17, 16.13, 17.6, 17.9, 18.3. Fix: pin one of the supported full versions (a bare major version is not accepted)\n' +
        '  - instanceClass = "db.huge": is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>). Fix: choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge\n' +
        '  - backupRetentionDays = 40: must be an integer from 0 to 35 days (RDS limit). Fix: choose from 0 to 35\n' +
        '  - allowedCidrs[0] = "0.0.0.0/0": opens the database to every address; databases are never public. Fix: name the CIDR blocks of your application subnets',
    );
  });

  test('an engine outside the table', () => {
    expect(() => synthDatabase({ engine: 'db2-se' as RdsEngine })).toThrow(
      '  - engine = "db2-se": is not supported; supported: postgres, mysql, mariadb, sqlserver-ex, sqlserver-web, sqlserver-se, sqlserver-ee, oracle-se2, oracle-ee. Fix: choose a supported engine',
    );
  });

  test('overlapping windows, a parameter the family lacks, too many replicas', () => {
    expect(() =>
      synthDatabase({
        preferredBackupWindow: '03:30-04:30',
        parameterOverrides: { innodb_buffer_pool_size: 1 },
        replicas: Array.from({ length: 16 }, (_, i) => ({ identifier: `test-orders-replica-${i + 1}` })),
      }),
    ).toThrow(
      'Invalid RdsDatabase Test/Orders:\n' +
        '  - preferredMaintenanceWindow = "sun:04:00-sun:05:00": overlaps the daily backup window 03:30-04:30; RDS needs them apart. Fix: move one of the two windows so they do not meet\n' +
        "  - parameters.innodb_buffer_pool_size = 1: 'innodb_buffer_pool_size' is not a parameter of the postgres17 family. Fix: check the spelling against `aws rds describe-engine-default-parameters --db-parameter-group-family postgres17`; if RDS has it, add it to constructs/aws/rds/tables/rds-parameter-names.ts\n" +
        '  - replicas = 16: lists 16 read replicas; PostgreSQL allows at most 15 per source. Fix: remove 1 of them',
    );
  });
});
