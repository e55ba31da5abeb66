/**
 * DatabaseAccess through the real stage (config → plan → stacks): the provisioning custom resource, role secrets with
 * multi-user rotation, consumer policies and the SSM connection contract (docs/database-access-aws.md).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DatabaseAccess, type DatabaseAccessProps } from '../../constructs/aws/database-access/database-access';
import { RdsDatabase } from '../../constructs/aws/rds/rds-database';
import { baseProps, testStack } from './support';
import { Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments } from '../../lib/aws/aws-app';
import { addComplianceChecks } from '../../lib/aws/compliance-checks';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { AuroraClusterStack } from '../../lib/kinds/aurora-cluster/aurora-cluster-stack';
import { RdsInstanceStack } from '../../lib/kinds/rds-instance/rds-instance-stack';
import { declaredAccessOf } from '../../lib/provisioning/declared-access-of';
import type { ResolvedRdsInstance } from '../../lib/config/resolved-environment';
import { bundleHandlerInto, BUNDLE_EXTERNALS } from '../../constructs/aws/database-access/provisioning-handler-bundle';
import { awsConnectionContract } from '../../lib/inventory/connection-contract-column';
import { plannedOf, testApp, withChange } from '../support/fixtures';

const ACCOUNT = '123456789012';
const API_ROLE = `arn:aws:iam::${ACCOUNT}:role/orders-api`;
const REPORTING_ROLE = `arn:aws:iam::${ACCOUNT}:role/teams/reporting`;

/** The fixture's RDS PostgreSQL `orders` with a logical database, a password role and an IAM role. */
const withRoles = (change: (orders: any, config: any) => void = () => {}) =>
  withChange((config) => {
    const orders = config.databases[0];
    orders.databaseName = 'orders';
    orders.databases = ['analytics'];
    orders.roles = [
      { name: 'orders_app', access: 'read-write', consumers: [API_ROLE] },
      { name: 'orders_report', access: 'read-only', auth: 'iam', databases: ['analytics'], consumers: [REPORTING_ROLE] },
    ];
    change(orders, config);
  });

function synthStack(config: any, app: App = testApp()) {
  const environment = validateEnvironment('test', config);
  const [stage] = addAwsEnvironments(app, [plannedOf(environment)]);
  return { environment, stage, rds: stage.stacksOf(RdsInstanceStack)[0] };
}

const rdsTemplate = (config: any) => Template.fromStack(synthStack(config).rds);
const only = (template: Template, type: string) => {
  const resources = Object.entries(template.findResources(type));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return { id: resources[0][0], ...resources[0][1] } as any;
};
const logicalId = (template: Template, type: string, pattern: RegExp) => Object.keys(template.findResources(type)).find((id) => pattern.test(id))!;

describe('the provisioning custom resource', () => {
  const config = withRoles();
  const template = rdsTemplate(config);
  const resource = only(template, 'Custom::DatabaseAccess');
  const instanceId = logicalId(template, 'AWS::RDS::DBInstance', /^DatabaseInstance/);

  test('carries the declared access as JSON, the writer endpoint, the master secret and the role secrets, with TLS', () => {
    const orders = validateEnvironment('test', config).databases.find((db) => db.name === 'orders') as ResolvedRdsInstance;
    expect(JSON.parse(resource.Properties.declared)).toEqual(declaredAccessOf(orders));
    expect(resource.Properties).toMatchObject({
      host: { 'Fn::GetAtt': [instanceId, 'Endpoint.Address'] },
      port: '5432',
      masterSecretArn: { 'Fn::GetAtt': [instanceId, 'MasterUserSecret.SecretArn'] },
      roleSecretArns: { orders_app: { Ref: logicalId(template, 'AWS::SecretsManager::SecretTargetAttachment', /Roleordersapp/) } },
      tls: true,
    });
    expect(Object.keys(resource.Properties.roleSecretArns)).toEqual(['orders_app']);
    expect(resource.DependsOn).toEqual(expect.arrayContaining([instanceId]));
  });

  test('its properties change when the declared state changes, and not otherwise', () => {
    const again = only(rdsTemplate(withRoles()), 'Custom::DatabaseAccess');
    expect(again.Properties).toEqual(resource.Properties);
    const readOnly = only(rdsTemplate(withRoles((orders) => (orders.roles[0].access = 'read-only'))), 'Custom::DatabaseAccess');
    expect(readOnly.Properties.declared).not.toEqual(resource.Properties.declared);
    expect({ ...readOnly.Properties, declared: undefined }).toEqual({ ...resource.Properties, declared: undefined });
    const extension = only(rdsTemplate(withRoles((orders) => (orders.extensions = ['pg_trgm']))), 'Custom::DatabaseAccess');
    expect(JSON.parse(extension.Properties.declared).extensions).toEqual(['pgaudit', 'pg_stat_statements', 'pg_trgm']);
  });

  test('the handler runs on Node.js 24 in the private subnets, verifies RDS certificates, and is bundled into one file', () => {
    const handler = Object.values(template.findResources('AWS::Lambda::Function')).find((fn: any) => fn.Properties.VpcConfig) as any;
    expect(handler.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 300,
      Environment: { Variables: { NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem' } },
      VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'] },
      LoggingConfig: { LogGroup: { Ref: logicalId(template, 'AWS::Logs::LogGroup', /HandlerLogs/) } },
    });
    // The Provider framework's own function stays outside the VPC: it answers CloudFormation via a pre-signed S3 URL.
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as any[];
    expect(functions).toHaveLength(2);
    expect(functions.filter((fn) => fn.Properties.VpcConfig)).toHaveLength(1);
  });

  test("the handler's role reads only the master and role secrets, and decrypts them only through Secrets Manager", () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as any[];
    const handlerPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('ProvisioningHandlerServiceRole'));
    const statements = handlerPolicy.Properties.PolicyDocument.Statement;
    const actions = statements.flatMap((s: any) => [s.Action].flat());
    expect([...new Set(actions)].sort()).toEqual(['kms:Decrypt', 'secretsmanager:GetSecretValue']);
    expect(actions.every((action: string) => !action.includes('*'))).toBe(true);
    const decrypt = statements.filter((s: any) => [s.Action].flat().includes('kms:Decrypt'));
    for (const statement of decrypt) {
      expect(statement.Condition.StringEquals['kms:ViaService']).toBe('secretsmanager.eu-west-1.amazonaws.com');
      expect(JSON.stringify(statement.Resource)).toMatch(/FoundationKey/);
    }
    const secrets = statements.filter((s: any) => [s.Action].flat().includes('secretsmanager:GetSecretValue')).flatMap((s: any) => s.Resource);
    expect(secrets).toEqual(
      expect.arrayContaining([
        { 'Fn::GetAtt': [instanceId, 'MasterUserSecret.SecretArn'] },
        { Ref: logicalId(template, 'AWS::SecretsManager::SecretTargetAttachment', /Roleordersapp/) },
      ]),
    );
    expect(secrets).toHaveLength(2);
  });
});

describe('network: the functions reach the database port and HTTPS, nothing else', () => {
  const template = rdsTemplate(withRoles());
  const accessGroupId = logicalId(template, 'AWS::EC2::SecurityGroup', /^AccessSecurityGroup/);
  const databaseGroupId = logicalId(template, 'AWS::EC2::SecurityGroup', /^DatabaseSecurityGroup/);
  const accessGroup = template.findResources('AWS::EC2::SecurityGroup')[accessGroupId];

  test("the functions' group has egress to the database's group on its port and to HTTPS (Secrets Manager), nothing more", () => {
    expect(accessGroup.Properties.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'Secrets Manager API (HTTPS)', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    const egress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress')) as any[];
    expect(egress.map((rule) => rule.Properties)).toEqual([
      {
        GroupId: { 'Fn::GetAtt': [accessGroupId, 'GroupId'] },
        DestinationSecurityGroupId: { 'Fn::GetAtt': [databaseGroupId, 'GroupId'] },
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        Description: 'test-orders',
      },
    ]);
  });

  test("the database's group admits the functions' group on the port", () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [databaseGroupId, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [accessGroupId, 'GroupId'] },
      IpProtocol: 'tcp',
      FromPort: 5432,
      ToPort: 5432,
    });
  });
});

describe('password roles: a secret each, encrypted with the region key, rotated by the multi-user rotation', () => {
  const template = rdsTemplate(withRoles());

  test('one secret per engine-created password role, named <identifier>/roles/<role>, with username and masterarn', () => {
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret')) as any[];
    expect(secrets).toHaveLength(1);
    const [secret] = secrets;
    expect(secret.Properties.Name).toBe('test-orders/roles/orders_app');
    expect(JSON.stringify(secret.Properties.KmsKeyId)).toMatch(/FoundationKey/);
    expect(secret.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'password', ExcludeCharacters: expect.any(String) });
    expect(secret.Properties.GenerateSecretString.SecretStringTemplate).toEqual({
      'Fn::Join': [
        '',
        ['{"username":"orders_app","masterarn":"', { 'Fn::GetAtt': [expect.stringMatching(/^DatabaseInstance/), 'MasterUserSecret.SecretArn'] }, '"}'],
      ],
    });
    // Production keeps it: applications hold this password.
    expect(secret.DeletionPolicy).toBe('Retain');
  });

  test('attached to the instance (engine, host, port fields) and rotated every 30 days by the PostgreSQL multi-user rotation in the VPC', () => {
    template.hasResourceProperties('AWS::SecretsManager::SecretTargetAttachment', { TargetType: 'AWS::RDS::DBInstance' });
    const schedule = only(template, 'AWS::SecretsManager::RotationSchedule');
    expect(schedule.Properties.RotationRules).toEqual({ ScheduleExpression: 'rate(30 days)' });
    expect(schedule.Properties.HostedRotationLambda).toMatchObject({
      RotationType: 'PostgreSQLMultiUser',
      MasterSecretArn: { 'Fn::GetAtt': [expect.stringMatching(/^DatabaseInstance/), 'MasterUserSecret.SecretArn'] },
      VpcSubnetIds: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1',
      VpcSecurityGroupIds: { 'Fn::GetAtt': [expect.stringMatching(/^AccessSecurityGroup/), 'GroupId'] },
    });
    expect(JSON.stringify(schedule.Properties.HostedRotationLambda.KmsKeyArn)).toMatch(/FoundationKey/);
    expect(JSON.stringify(schedule.Properties.HostedRotationLambda.MasterSecretKmsKeyArn)).toMatch(/FoundationKey/);
    expect(template.toJSON().Transform).toEqual('AWS::SecretsManager-2024-09-16');
  });

  test("the database's passwordRotationDays sets the rotation period", () => {
    const template = rdsTemplate(
      withRoles((orders) => {
        orders.credentials = 'secrets-manager';
        orders.passwordRotationDays = 7;
      }),
    );
    const schedule = Object.values(template.findResources('AWS::SecretsManager::RotationSchedule')).find((s: any) => s.Properties.HostedRotationLambda) as any;
    expect(schedule.Properties.RotationRules).toEqual({ ScheduleExpression: 'rate(7 days)' });
  });

  test('MySQL and MariaDB get their multi-user rotations', () => {
    for (const [engine, version, rotation] of [
      ['mysql', '8.4.6', 'MySQLMultiUser'],
      ['mariadb', '11.4.8', 'MariaDBMultiUser'],
    ]) {
      const template = rdsTemplate(
        withRoles((orders) => {
          orders.engine = engine;
          orders.version = version;
          orders.parameters = {};
        }),
      );
      expect(only(template, 'AWS::SecretsManager::RotationSchedule').Properties.HostedRotationLambda.RotationType).toBe(rotation);
    }
  });

  test('no password appears in the template: secrets are generated, and the custom resource and parameters carry ARNs only', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/"SecretString"/);
    expect(json).not.toMatch(/"MasterUserPassword"/);
    expect(json).not.toMatch(/resolve:secretsmanager/);
    const secret = Object.values(template.findResources('AWS::SecretsManager::Secret'))[0] as any;
    expect(JSON.stringify(secret.Properties.GenerateSecretString.SecretStringTemplate)).not.toMatch(/password/);
  });
});

describe('consumers: a managed policy per role, attached to its consumer roles', () => {
  const template = rdsTemplate(withRoles());
  const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as any[];
  const policyOf = (roleName: string) => policies.find((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([roleName]));
  const instanceId = logicalId(template, 'AWS::RDS::DBInstance', /^DatabaseInstance/);

  test('an IAM role: rds-db:connect on dbuser:<DbiResourceId>/<role>, attached to the consumer role by name', () => {
    const statements = policyOf('reporting').Properties.PolicyDocument.Statement;
    expect(statements[0]).toEqual({
      Sid: 'ConnectAsRole',
      Effect: 'Allow',
      Action: 'rds-db:connect',
      Resource: {
        'Fn::Join': ['', ['arn:aws:rds-db:eu-west-1:123456789012:dbuser:', { 'Fn::GetAtt': [instanceId, 'DbiResourceId'] }, '/orders_report']],
      },
    });
    expect(statements.map((s: any) => s.Sid)).toEqual(['ConnectAsRole', 'ReadConnectionContract']);
  });

  test('a password role: its secret, the key through Secrets Manager only, and the connection contract', () => {
    const statements = policyOf('orders-api').Properties.PolicyDocument.Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(['ReadRoleSecret', 'DecryptRoleSecret', 'ReadConnectionContract']);
    expect(statements[0]).toMatchObject({
      Action: 'secretsmanager:GetSecretValue',
      Resource: { Ref: logicalId(template, 'AWS::SecretsManager::SecretTargetAttachment', /Roleordersapp/) },
    });
    expect(statements[1]).toMatchObject({ Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } });
    expect(statements[2].Action).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
    // Every key of the contract by its own ARN (six here), no wildcard.
    expect(statements[2].Resource).toHaveLength(6);
    expect(JSON.stringify(statements[2].Resource)).not.toContain('*');
  });

  test("the region key's policy delegates to IAM, so these identity policies can grant kms:Decrypt (read across the stacks)", () => {
    const { stage } = synthStack(withRoles());
    const key = only(Template.fromStack(stage.foundations.get('eu-west-1')!), 'AWS::KMS::Key');
    // "Default key policy" (AWS KMS Developer Guide): the account principal with kms:* lets IAM policies grant the key.
    expect(key.Properties.KeyPolicy.Statement).toContainEqual({
      Action: 'kms:*',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
      Resource: '*',
    });
  });

  test('a role without consumers gets no policy', () => {
    const template = rdsTemplate(withRoles((orders) => (orders.roles[1].consumers = [])));
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toHaveLength(1);
  });

  test('a role of the same account with a path is accepted', () => {
    expect(() => rdsTemplate(withRoles((orders) => (orders.roles[0].consumers = [`arn:aws:iam::${ACCOUNT}:role/a/b/orders-api`])))).not.toThrow();
  });
});

describe('the connection contract: SSM String parameters under /<env>/databases/<name>/', () => {
  const parameters = (template: Template) =>
    Object.fromEntries((Object.values(template.findResources('AWS::SSM::Parameter')) as any[]).map((p) => [p.Properties.Name, p.Properties]));

  test('endpoint, port, engine, databases, the secret ARN of each password role and the user of each IAM role', () => {
    const template = rdsTemplate(withRoles());
    const instanceId = logicalId(template, 'AWS::RDS::DBInstance', /^DatabaseInstance/);
    const contract = parameters(template);
    expect(Object.keys(contract).sort()).toEqual(
      [
        '/test/databases/orders/databases',
        '/test/databases/orders/endpoint',
        '/test/databases/orders/engine',
        '/test/databases/orders/iam-user/orders_report',
        '/test/databases/orders/port',
        '/test/databases/orders/secret-arn/orders_app',
      ].sort(),
    );
    expect(contract['/test/databases/orders/endpoint'].Value).toEqual({ 'Fn::GetAtt': [instanceId, 'Endpoint.Address'] });
    expect(contract['/test/databases/orders/port'].Value).toBe('5432');
    expect(contract['/test/databases/orders/engine'].Value).toBe('postgres');
    expect(contract['/test/databases/orders/databases'].Value).toBe('orders,analytics');
    expect(contract['/test/databases/orders/iam-user/orders_report'].Value).toBe('orders_report');
    expect(Object.values(contract).every((p: any) => p.Type === 'String')).toBe(true);
  });

  test('a same-region replica gives reader-endpoint; a proxy gives proxy-endpoint', () => {
    const contract = parameters(
      rdsTemplate(
        withRoles((orders) => {
          orders.replicas = [{ region: 'eu-west-1' }];
          orders.proxy = true;
        }),
      ),
    );
    expect(contract['/test/databases/orders/reader-endpoint'].Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^DatabaseReplica1/), 'Endpoint.Address'],
    });
    expect(contract['/test/databases/orders/proxy-endpoint'].Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DatabaseProxy/), 'Endpoint'] });
  });

  test('the inventory lists exactly the keys the stack writes', () => {
    const config = withRoles((orders) => {
      orders.replicas = [{ region: 'eu-west-1' }];
      orders.proxy = true;
    });
    const { rds, environment } = synthStack(config);
    const access = plannedOf(environment).plan.databases['rds-instance'][0].accessPlan;
    const written = Object.keys(parameters(Template.fromStack(rds))).map((name) => name.replace('/test/databases/orders/', ''));
    const [listed] = awsConnectionContract(access, { readerEndpoint: true, proxyEndpoint: true });
    expect(listed.split(': ')[0]).toBe('/test/databases/orders/');
    expect(listed.split(': ')[1].split(', ').sort()).toEqual(written.sort());
  });

  test('a cross-region replica alone gives no reader-endpoint (it is not in the primary region)', () => {
    const contract = parameters(rdsTemplate(withRoles((orders) => (orders.replicas = [{ region: 'eu-central-1' }]))));
    expect(contract['/test/databases/orders/reader-endpoint']).toBeUndefined();
  });
});

describe('Aurora: the cluster writer, its reader endpoint and cluster resource id', () => {
  const config = withRoles((_, config) => {
    config.databases.push({
      kind: 'aurora-cluster',
      name: 'payments',
      engine: 'aurora-mysql',
      version: '8.0.mysql_aurora.3.10.1',
      instanceClass: 'db.r7g.large',
      databaseName: 'payments',
      allowedCidrs: ['10.0.0.0/16'],
      roles: [
        { name: 'payments_app', access: 'owner', consumers: [API_ROLE] },
        { name: 'payments_audit', access: 'read-only', auth: 'iam', consumers: [REPORTING_ROLE] },
      ],
    });
  });
  const { stage } = synthStack(config);
  const template = Template.fromStack(stage.stacksOf(AuroraClusterStack)[0]);
  const clusterId = logicalId(template, 'AWS::RDS::DBCluster', /^DatabaseCluster/);

  test('the custom resource connects to the cluster endpoint after the writer exists', () => {
    const resource = only(template, 'Custom::DatabaseAccess');
    expect(resource.Properties.host).toEqual({ 'Fn::GetAtt': [clusterId, 'Endpoint.Address'] });
    expect(resource.Properties.port).toBe('3306');
    expect(resource.DependsOn).toEqual(expect.arrayContaining([clusterId, expect.stringMatching(/^DatabaseClusterWriter/)]));
    expect(JSON.parse(resource.Properties.declared)).toMatchObject({ dialect: 'mysql', platform: 'aurora' });
  });

  test('the role secret attaches to the cluster and rotates with the MySQL multi-user rotation', () => {
    template.hasResourceProperties('AWS::SecretsManager::SecretTargetAttachment', { TargetType: 'AWS::RDS::DBCluster' });
    expect(only(template, 'AWS::SecretsManager::RotationSchedule').Properties.HostedRotationLambda.RotationType).toBe('MySQLMultiUser');
  });

  test('IAM users are named by the cluster resource id; the contract has the reader endpoint', () => {
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as any[];
    const connect = policies.flatMap((p) => p.Properties.PolicyDocument.Statement).find((s: any) => s.Sid === 'ConnectAsRole');
    expect(JSON.stringify(connect.Resource)).toContain(`{"Fn::GetAtt":["${clusterId}","DBClusterResourceId"]},"/payments_audit"`);
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/test/databases/payments/reader-endpoint',
      Value: { 'Fn::GetAtt': [clusterId, 'ReadEndpoint.Address'] },
    });
  });
});

describe('which databases get access', () => {
  test('SQL Server gets no custom resource, secrets or contract (the engine does not provision it)', () => {
    const template = rdsTemplate(
      withChange((config) => {
        Object.assign(config.databases[0], {
          engine: 'sqlserver-se',
          version: '16.00.4215.2.v1',
          instanceClass: 'db.r6i.xlarge',
          licenseModel: 'license-included',
        });
      }),
    );
    expect(Object.keys(template.findResources('Custom::DatabaseAccess'))).toHaveLength(0);
    expect(Object.keys(template.findResources('AWS::SSM::Parameter'))).toHaveLength(0);
  });

  test('a PostgreSQL database without roles still gets the custom resource (audit role and extensions)', () => {
    const template = rdsTemplate(withChange((config) => (config.databases[0].roles = [])));
    const declared = JSON.parse(only(template, 'Custom::DatabaseAccess').Properties.declared);
    expect(declared).toMatchObject({ extensions: ['pgaudit', 'pg_stat_statements'], auditRole: 'rds_pgaudit', roles: [] });
    expect(Object.keys(template.findResources('AWS::SecretsManager::Secret'))).toHaveLength(0);
  });
});

describe('compliance', () => {
  test('a stack with roles passes AWS Solutions and HIPAA Security with no unacknowledged finding', () => {
    const app = new App({ context: testApp().node.getAllContext(), outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'access-nag-')) });
    addComplianceChecks(app);
    synthStack(withRoles(), app);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('the handler bundle', () => {
  test('is deterministic: two builds give the same bytes, so the asset hash is stable', () => {
    const [a, b] = [0, 1].map(() => bundleHandlerInto(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'))));
    expect(fs.readdirSync(a.directory)).toEqual(['index.js']);
    // Compared by digest: toEqual walks a megabyte Buffer byte by byte (seconds), a digest says the same.
    const digest = (directory: string) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(directory, 'index.js')))
        .digest('hex');
    expect(digest(a.directory)).toBe(digest(b.directory));
  });

  test('leaves out pg-native (optional native binding) and the AWS SDK (in the runtime)', () => {
    expect(BUNDLE_EXTERNALS).toEqual(['pg-native', '@aws-sdk/*']);
  });

  test('bundles from a compiled .js entry too (the published package layout)', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-js-'));
    const entry = path.join(directory, 'handler.js');
    fs.writeFileSync(entry, "exports.handler = async () => require('pg-native');\n");
    const bundle = bundleHandlerInto(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-out-')), entry);
    expect(fs.readFileSync(path.join(bundle.directory, 'index.js'), 'utf8')).toContain('require("pg-native")');
  });
});

describe('DatabaseAccess refuses what it cannot grant', () => {
  const build = (overrides: Partial<DatabaseAccessProps>) => {
    const { stack, vpc } = testStack();
    const database = new RdsDatabase(stack, 'Orders', baseProps(stack, vpc, 'test-orders'));
    const declared = declaredAccessOf(validateEnvironment('test', withRoles()).databases[0] as ResolvedRdsInstance)!;
    return new DatabaseAccess(stack, 'Access', {
      target: {
        identifier: 'test-orders',
        engine: 'postgres',
        host: database.instance.dbInstanceEndpointAddress,
        port: database.clientPort,
        resourceId: database.instance.instanceResourceId!,
        securityGroup: database.securityGroup,
        masterSecret: database.masterSecret,
        attachmentTarget: database.instance,
        vpc,
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        readyWhen: database.instance,
      },
      declared,
      encryptionKey: kms.Key.fromKeyArn(stack, 'RegionKey', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
      contractPath: '/test/databases/orders',
      logRetention: logs.RetentionDays.ONE_WEEK,
      ...overrides,
    });
  };

  test('a key ARN is accepted', () => {
    expect(() => build({})).not.toThrow();
  });

  test('an alias ARN is refused: IAM policies match key ARNs', () => {
    expect(() => build({ encryptionKey: kms.Key.fromKeyArn(new Stack(), 'Alias', `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/test-databases`) })).toThrow(
      'Invalid DatabaseAccess Test/Access:\n  - encryptionKey = "arn:aws:kms:eu-west-1:123456789012:alias/test-databases": is an alias; IAM policies match keys by key ARN. Fix: pass the key itself',
    );
  });

  test.each([
    [
      'a role of another account',
      'arn:aws:iam::210987654321:role/orders-api',
      'Invalid DatabaseAccess Test/Access:\n  - roles.orders_app.consumers[0] = "arn:aws:iam::210987654321:role/orders-api": is a role of account 210987654321; the database is in account 123456789012, and a managed policy attaches to roles of its own account only. Fix: use a role of account 123456789012 (the application can assume it from account 210987654321), or grant the access in account 210987654321 yourself',
    ],
    [
      'a user, not a role',
      'arn:aws:iam::123456789012:user/alice',
      'Invalid DatabaseAccess Test/Access:\n  - roles.orders_app.consumers[0] = "arn:aws:iam::123456789012:user/alice": is not an IAM role ARN. Fix: give arn:aws:iam::<account>:role/<name>',
    ],
  ])('%s is refused by the construct (the config rules refuse it first for environments)', (_, arn, message) => {
    expect(() => build({ consumers: { orders_app: [arn] } })).toThrow(message);
  });

  test('consumers of a role that is not declared are refused with the declared roles', () => {
    expect(() => build({ consumers: { orders_ap: [API_ROLE] } })).toThrow(
      'Invalid DatabaseAccess Test/Access:\n  - consumers.orders_ap = "orders_ap": names no declared role (roles: orders_app, orders_report). Fix: declare the role, or remove its consumers',
    );
  });
});
