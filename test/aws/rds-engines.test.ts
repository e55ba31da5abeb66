import { Match } from 'aws-cdk-lib/assertions';
import { RDS_ENGINES } from '../../config/schema';
import { CDK_ENGINE_NAMES } from '../../constructs/aws/rds/rds-cdk-engine';
import { RDS_ENGINE_TABLE, type RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';
import type { RdsInstanceClass } from '../../constructs/common/instance-catalog';
import { onlyResource, synthDatabase } from './support';

/** One row per engine: a version, a class it runs on, and what the template must show. */
const ENGINES = [
  {
    engine: 'postgres',
    version: '16.13',
    instanceClass: 'db.r6g.large',
    family: 'postgres16',
    port: 5432,
    license: 'postgresql-license',
    tls: { 'rds.force_ssl': '1' },
    iam: true,
    logs: ['postgresql', 'upgrade'],
  },
  {
    engine: 'mysql',
    version: '8.4.6',
    instanceClass: 'db.r6g.large',
    family: 'mysql8.4',
    port: 3306,
    license: 'general-public-license',
    tls: { require_secure_transport: '1' },
    iam: true,
    logs: ['error', 'slowquery', 'audit'],
  },
  {
    engine: 'mariadb',
    version: '10.11.14',
    instanceClass: 'db.m7g.large',
    family: 'mariadb10.11',
    port: 3306,
    license: 'general-public-license',
    tls: { require_secure_transport: '1' },
    iam: true,
    logs: ['error', 'slowquery', 'audit'],
  },
  {
    engine: 'sqlserver-ex',
    version: '16.00.4215.2.v1',
    instanceClass: 'db.t3.large',
    family: 'sqlserver-ex-16.0',
    port: 1433,
    license: 'license-included',
    tls: { 'rds.force_ssl': '1' },
    iam: false,
    logs: ['error'],
    multiAz: false,
  },
  {
    engine: 'sqlserver-web',
    version: '15.00.4440.1.v1',
    instanceClass: 'db.m6i.large',
    family: 'sqlserver-web-15.0',
    port: 1433,
    license: 'license-included',
    tls: { 'rds.force_ssl': '1' },
    iam: false,
    logs: ['agent', 'error'],
    multiAz: false,
  },
  {
    engine: 'sqlserver-se',
    version: '16.00.4215.2.v1',
    instanceClass: 'db.m6i.xlarge',
    family: 'sqlserver-se-16.0',
    port: 1433,
    license: 'license-included',
    tls: { 'rds.force_ssl': '1' },
    iam: false,
    logs: ['agent', 'error'],
  },
  {
    engine: 'sqlserver-ee',
    version: '16.00.4215.2.v1',
    instanceClass: 'db.r6i.xlarge',
    family: 'sqlserver-ee-16.0',
    port: 1433,
    license: 'license-included',
    tls: { 'rds.force_ssl': '1' },
    iam: false,
    logs: ['agent', 'error'],
  },
  {
    engine: 'oracle-se2',
    version: '19.0.0.0.ru-2025-07.rur-2025-07.r1',
    instanceClass: 'db.m5.large',
    family: 'oracle-se2-19',
    port: 1521,
    license: 'license-included',
    tls: {},
    iam: false,
    logs: ['alert', 'audit', 'listener', 'trace'],
  },
  {
    engine: 'oracle-ee',
    version: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
    instanceClass: 'db.r6i.large',
    family: 'oracle-ee-19',
    port: 1521,
    license: 'bring-your-own-license',
    tls: {},
    iam: false,
    logs: ['alert', 'audit', 'listener', 'trace'],
  },
] satisfies Array<{ engine: RdsEngine; instanceClass: RdsInstanceClass } & Record<string, unknown>>;

test('the schema, the engine table and the CDK engines list the same engines', () => {
  expect(Object.keys(RDS_ENGINE_TABLE)).toEqual([...RDS_ENGINES]);
  expect(CDK_ENGINE_NAMES).toEqual([...RDS_ENGINES]);
  expect(ENGINES.map((e) => e.engine)).toEqual([...RDS_ENGINES]);
});

describe.each(ENGINES)('$engine', (e) => {
  const { template } = synthDatabase({ engine: e.engine, engineVersion: e.version, instanceClass: e.instanceClass, multiAz: e.multiAz ?? true });
  const instance = onlyResource(template, 'AWS::RDS::DBInstance').Properties;

  test('renders the engine, pinned version, license, port, encryption with the key and log exports', () => {
    expect(instance).toMatchObject({
      Engine: e.engine,
      EngineVersion: e.version,
      LicenseModel: e.license,
      Port: String(e.port),
      StorageEncrypted: true,
      EnableCloudwatchLogsExports: e.logs,
      ManageMasterUserPassword: true,
    });
    expect(Boolean(instance.EnableIAMDatabaseAuthentication)).toBe(e.iam);
  });

  test('a parameter group of the family derived from the version, with TLS enforced and tuned values', () => {
    const group = onlyResource(template, 'AWS::RDS::DBParameterGroup').Properties;
    expect(group.Family).toBe(e.family);
    expect(group.Parameters).toMatchObject(e.tls);
    expect(Object.keys(group.Parameters).length).toBeGreaterThan(Object.keys(e.tls).length);
  });

  test('alarms on CPU, memory, storage and connections', () => {
    const metrics = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.MetricName);
    expect(metrics).toEqual(expect.arrayContaining(['CPUUtilization', 'FreeableMemory', 'FreeStorageSpace', 'DatabaseConnections']));
  });
});

test('MySQL and MariaDB tune InnoDB from the memory and log slow queries to exported files', () => {
  const group = onlyResource(
    synthDatabase({ engine: 'mysql', engineVersion: '8.0.43', instanceClass: 'db.r6g.large', slowQueryThresholdMs: 500 }).template,
    'AWS::RDS::DBParameterGroup',
  );
  expect(group.Properties.Parameters).toMatchObject({
    innodb_buffer_pool_size: '{DBInstanceClassMemory*3/4}',
    slow_query_log: '1',
    long_query_time: '0.5',
    log_output: 'FILE',
    wait_timeout: '3600',
  });
});

test('MySQL and MariaDB audit with the audit plugin option', () => {
  const { template } = synthDatabase({ engine: 'mariadb', engineVersion: '11.4.8', instanceClass: 'db.r6g.large' });
  template.hasResourceProperties('AWS::RDS::OptionGroup', {
    EngineName: 'mariadb',
    MajorEngineVersion: '11.4',
    OptionConfigurations: [{ OptionName: 'MARIADB_AUDIT_PLUGIN', OptionSettings: [{ Name: 'SERVER_AUDIT_EVENTS', Value: 'CONNECT,QUERY_DDL,QUERY_DCL' }] }],
  });
  template.hasResourceProperties('AWS::RDS::DBInstance', { OptionGroupName: { Ref: Match.stringLikeRegexp('OrdersOptions') } });
});

test('Oracle enforces TLS with the SSL option: only its port is opened, audit records are exported', () => {
  const { template } = synthDatabase({
    engine: 'oracle-ee',
    engineVersion: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
    instanceClass: 'db.r6i.large',
    allowedCidrs: ['10.0.0.0/16'],
  });
  template.hasResourceProperties('AWS::RDS::OptionGroup', {
    EngineName: 'oracle-ee',
    MajorEngineVersion: '19',
    OptionConfigurations: [
      Match.objectLike({
        OptionName: 'SSL',
        Port: 2484,
        VpcSecurityGroupMemberships: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('OrdersSecurityGroup'), 'GroupId'] }],
        OptionSettings: Match.arrayWith([{ Name: 'SQLNET.SSL_VERSION', Value: '1.2' }]),
      }),
    ],
  });
  template.hasResourceProperties('AWS::EC2::SecurityGroup', {
    SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 2484, ToPort: 2484 })],
  });
  template.hasResourceProperties('AWS::RDS::DBParameterGroup', { Parameters: Match.objectLike({ audit_trail: 'OS' }) });
});

test('SQL Server sizes its memory with a formula and caps parallelism by vCPUs', () => {
  const group = onlyResource(
    synthDatabase({ engine: 'sqlserver-se', engineVersion: '16.00.4215.2.v1', instanceClass: 'db.m6i.4xlarge' }).template,
    'AWS::RDS::DBParameterGroup',
  );
  expect(group.Properties.Parameters).toMatchObject({
    'max server memory (mb)': '{DBInstanceClassMemory*7/8388608}',
    'max degree of parallelism': '8',
    'cost threshold for parallelism': '50',
  });
});

describe('engine limits are errors, not deploy failures', () => {
  test('Oracle and SQL Server do not run on Graviton classes', () => {
    expect(() => synthDatabase({ engine: 'oracle-se2', engineVersion: '19.0.0.0.ru-2025-07.rur-2025-07.r1', instanceClass: 'db.r7g.large' })).toThrow(
      '  - instanceClass = "db.r7g.large": is a Graviton (ARM) class, which Oracle Standard Edition Two does not run on; allowed generations: t3, m5, m6i, m7i, r5, r6i, r7i. Fix: choose the same size in an x86 generation, such as db.r6i.large',
    );
  });

  test('SQL Server Express has no Multi-AZ', () => {
    expect(() => synthDatabase({ engine: 'sqlserver-ex', engineVersion: '16.00.4215.2.v1', instanceClass: 'db.t3.large' })).toThrow(
      '  - multiAz = true: SQL Server Express Edition does not support Multi-AZ. Fix: turn high availability off for this database, or choose Standard or Enterprise Edition',
    );
  });

  test('Oracle Enterprise Edition is only bring-your-own-license', () => {
    expect(() =>
      synthDatabase({
        engine: 'oracle-ee',
        engineVersion: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
        instanceClass: 'db.r6i.large',
        licenseModel: 'license-included',
      }),
    ).toThrow(
      '  - licenseModel = "license-included": is not offered for Oracle Enterprise; allowed: bring-your-own-license. Fix: use bring-your-own-license or remove the setting',
    );
  });

  test('RDS Proxy does not support Oracle', () => {
    expect(() =>
      synthDatabase({ engine: 'oracle-ee', engineVersion: '19.0.0.0.ru-2025-10.rur-2025-10.r1', instanceClass: 'db.r6i.large', proxy: true }),
    ).toThrow('  - proxy = true: RDS Proxy does not support Oracle Enterprise. Fix: turn the proxy off for this database');
  });

  test('SQL Server Standard Edition has no read replicas', () => {
    expect(() =>
      synthDatabase({
        engine: 'sqlserver-se',
        engineVersion: '16.00.4215.2.v1',
        instanceClass: 'db.m6i.xlarge',
        replicas: [{ identifier: 'test-orders-replica-1' }],
      }),
    ).toThrow('  - replicas = 1: SQL Server Standard Edition has no read replicas on RDS. Fix: use Enterprise Edition or remove the replicas');
  });
});

test('IAM database authentication is on from the first engine version that has it: RDS for MariaDB from 10.11, not on 10.6', () => {
  const iamOf = (version: string) =>
    Boolean(
      onlyResource(synthDatabase({ engine: 'mariadb', engineVersion: version, instanceClass: 'db.m7g.large' }).template, 'AWS::RDS::DBInstance').Properties
        .EnableIAMDatabaseAuthentication,
    );
  expect(iamOf('10.6.23')).toBe(false);
  expect(iamOf('10.11.14')).toBe(true);
  expect(iamOf('11.4.8')).toBe(true);
});
