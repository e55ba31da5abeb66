import { App } from 'cdktf';
import devConfig from '../../config/dev';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { localStatePath } from '../../lib/gcp/state-backend';
import { withChange } from '../support/fixtures';
import { environmentPlan, onlyResource, resources, synthEnvironment, testApp } from './support';

describe('GCP stacks of an environment with a local state backend (dev)', () => {
  // GIVEN the dev plan without a stateBackend (→ local, the default); config/dev.ts itself keeps its state in Cloud
  // Storage because the delivery pipeline deploys it from build containers.
  const { stateBackend: _inCloudStorage, ...gcpWithLocalState } = devConfig.gcp!;
  const plan = buildPlan(validateEnvironment('dev', { ...devConfig, gcp: gcpWithLocalState }));
  // WHEN its stacks are synthesized
  const { stacks, json } = synthEnvironment(plan);
  const foundation = json['dev-foundation'];
  const instance = json['dev-cloudsql-ledger'];

  test('THEN there is one foundation stack and one stack per Cloud SQL instance, all named after the environment', () => {
    expect(Object.keys(json).sort()).toEqual(['dev-cloudsql-ledger', 'dev-foundation']);
    for (const name of Object.keys(json)) expect(name.startsWith(`${plan.environment}-`)).toBe(true);
    expect(stacks.foundation.node.id).toBe(plan.gcp!.foundation.stackName);
    expect(stacks.databaseStacks.map((s) => s.node.id)).toEqual(plan.databases['cloudsql-instance'].map((i) => i.stackName));
  });

  test('THEN the instance stack depends on the foundation, so the key grant exists first', () => {
    expect(stacks.databaseStacks[0].dependencies).toEqual([stacks.foundation]);
  });

  test('THEN each stack has its own provider for the project (region: primary for the foundation, the instance region otherwise)', () => {
    expect(foundation.provider.google).toEqual([{ project: 'acme-databases-dev', region: 'europe-west1' }]);
    expect(instance.provider.google).toEqual([{ project: 'acme-databases-dev', region: plan.databases['cloudsql-instance'][0].region }]);
  });

  test('THEN the provider version is the one @cdktf/provider-google 16.12.1 binds', () => {
    expect(foundation.terraform.required_providers.google).toEqual({ source: 'google', version: '6.50.0' });
  });

  test('THEN each stack keeps its own local state file', () => {
    expect(foundation.terraform.backend).toEqual({ local: { path: '../../../terraform.dev-foundation.tfstate' } });
    expect(instance.terraform.backend).toEqual({ local: { path: localStatePath('dev-cloudsql-ledger') } });
  });

  test('THEN the foundation holds a key per region, granted to the Cloud SQL and Secret Manager service agents', () => {
    expect(onlyResource(foundation, 'google_kms_key_ring')).toMatchObject({ name: 'dev-databases', location: 'europe-west1' });
    expect(onlyResource(foundation, 'google_kms_crypto_key')).toMatchObject({
      name: 'cloud-sql',
      labels: { environment: 'dev', 'cost-center': 'platform' },
    });
    expect(onlyResource(foundation, 'google_kms_crypto_key')).not.toHaveProperty('lifecycle');
    // Secret Manager encrypts the Cloud SQL connection contract and password secrets with the region key.
    expect(resources(foundation, 'google_kms_crypto_key_iam_member').map((grant) => grant.member)).toEqual([
      'serviceAccount:service-100000000001@gcp-sa-cloud-sql.iam.gserviceaccount.com',
      'serviceAccount:service-100000000001@gcp-sa-secretmanager.iam.gserviceaccount.com',
    ]);
  });

  test('THEN the foundation has one email channel per notification email', () => {
    expect(onlyResource(foundation, 'google_monitoring_notification_channel')).toMatchObject({
      type: 'email',
      labels: { email_address: 'db-alerts-dev@example.com' },
      project: 'acme-databases-dev',
    });
  });

  test('THEN the instance names its key by the deterministic id from the plan, not by a reference', () => {
    const keyName = onlyResource(instance, 'google_sql_database_instance').encryption_key_name;
    expect(keyName).toBe(plan.databases['cloudsql-instance'][0].keyId);
    expect(keyName).toBe('projects/acme-databases-dev/locations/europe-west1/keyRings/dev-databases/cryptoKeys/cloud-sql');
    expect(plan.gcp!.foundation.keys[0].keyId).toBe(keyName);
  });

  test("THEN alerts notify the foundation's channels through a cross-stack reference read from its local state", () => {
    const [outputName] = Object.keys(foundation.output);
    expect(foundation.output[outputName].value).toMatch(/^\$\{google_monitoring_notification_channel\..+\.name\}$/);
    expect(instance.data.terraform_remote_state['cross-stack-reference-input-dev-foundation']).toEqual({
      backend: 'local',
      config: { path: '../../../terraform.dev-foundation.tfstate' },
      workspace: '${terraform.workspace}',
    });
    for (const policy of resources(instance, 'google_monitoring_alert_policy')) {
      expect(policy.notification_channels).toEqual([`\${data.terraform_remote_state.cross-stack-reference-input-dev-foundation.outputs.${outputName}}`]);
    }
  });

  test('THEN the instance renders the plan (tier, availability, retention, flags, one alert policy per plan row)', () => {
    const instancePlan = plan.databases['cloudsql-instance'][0];
    const rendered = onlyResource(instance, 'google_sql_database_instance');
    expect(rendered).toMatchObject({
      name: instancePlan.instanceName,
      deletion_protection: instancePlan.deletionProtection,
      settings: {
        tier: instancePlan.machineTier.name,
        edition: instancePlan.edition,
        availability_type: instancePlan.availabilityType,
        backup_configuration: { backup_retention_settings: { retained_backups: instancePlan.recovery.retainedBackups } },
        user_labels: instancePlan.labels,
      },
    });
    // The plan's tuned flags, plus the flag the construct adds for IAM database authentication.
    expect(rendered.settings.database_flags).toEqual(
      Object.entries({ ...instancePlan.flags, 'cloudsql.iam_authentication': 'on' })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({ name, value })),
    );
    expect(
      resources(instance, 'google_monitoring_alert_policy')
        .map((p) => p.display_name)
        .sort(),
    ).toEqual(instancePlan.alerts.map((a) => a.displayName).sort());
  });
});

describe('GCP stacks of an environment with a GCS state backend (prod)', () => {
  // GIVEN the prod plan (stateBackend gcs, two regions) WHEN synthesized
  const { json } = synthEnvironment(environmentPlan('prod'));
  const foundation = json['prod-foundation'];
  const instance = json['prod-cloudsql-ledger'];

  test('THEN every stack has its own prefix in the bucket', () => {
    expect(foundation.terraform.backend).toEqual({ gcs: { bucket: 'acme-terraform-state-prod', prefix: 'databases/prod-foundation' } });
    expect(instance.terraform.backend).toEqual({ gcs: { bucket: 'acme-terraform-state-prod', prefix: 'databases/prod-cloudsql-ledger' } });
  });

  test("THEN the cross-stack reference reads the foundation's state from the bucket", () => {
    expect(instance.data.terraform_remote_state['cross-stack-reference-input-prod-foundation']).toMatchObject({
      backend: 'gcs',
      config: { bucket: 'acme-terraform-state-prod', prefix: 'databases/prod-foundation' },
    });
  });

  test('THEN both regions get a key that cannot be destroyed', () => {
    expect(
      resources(foundation, 'google_kms_key_ring')
        .map((ring) => ring.location)
        .sort(),
    ).toEqual(['europe-west1', 'europe-west4']);
    for (const key of resources(foundation, 'google_kms_crypto_key')) expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('THEN the retained primary and its replicas cannot be destroyed (prevent_destroy)', () => {
    const [primary, replica] = resources(instance, 'google_sql_database_instance');
    expect(primary.lifecycle).toEqual({ prevent_destroy: true });
    expect(replica).toMatchObject({
      master_instance_name: expect.stringMatching(/^\$\{google_sql_database_instance\.Database_Instance_[0-9A-F]+\.name\}$/),
      deletion_protection: true,
    });
    expect(replica.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('An environment without a gcp section', () => {
  test('GIVEN a plan with no gcp section WHEN added THEN no stack is created', () => {
    const app: App = testApp();
    const plan = { ...environmentPlan('dev'), gcp: undefined };
    expect(addGcpEnvironment(app, plan)).toBeUndefined();
    expect(app.node.children).toHaveLength(0);
  });
});

describe('the production Cloud SQL stacks (config/prod.ts)', () => {
  // GIVEN the prod plan WHEN synthesized
  const plan = environmentPlan('prod');
  const { json } = synthEnvironment(plan);
  const foundation = json['prod-foundation'];
  const instanceStacks = Object.entries(json).filter(([name]) => name.startsWith('prod-cloudsql-'));
  const all = instanceStacks.flatMap(([, stack]) => resources(stack, 'google_sql_database_instance'));
  const primaries = all.filter((instance) => instance.master_instance_name === undefined);
  const replicas = all.filter((instance) => instance.master_instance_name !== undefined);
  const keyOf = (region: string) => plan.gcp!.foundation.keys.find((key) => key.region === region)!.keyId;

  test('THEN there are a PostgreSQL and a MySQL primary and a cross-region replica', () => {
    expect(primaries.map((p) => [p.name, p.database_version]).sort()).toEqual([
      ['prod-inventory', 'MYSQL_8_4'],
      ['prod-ledger', 'POSTGRES_16'],
    ]);
    expect(replicas.map((r) => [r.name, r.region])).toEqual([['prod-ledger-replica-europe-west4', 'europe-west4']]);
  });

  test.each(['prod-ledger', 'prod-inventory'])('THEN %s is REGIONAL, deletion-protected and cannot be destroyed', (name) => {
    const primary = primaries.find((p) => p.name === name)!;
    expect(primary.settings.availability_type).toBe('REGIONAL');
    expect(primary.deletion_protection).toBe(true);
    expect(primary.settings.deletion_protection_enabled).toBe(true);
    expect(primary.lifecycle).toEqual({ prevent_destroy: true });
  });

  test.each(['prod-ledger', 'prod-inventory'])('THEN %s is backed up with point-in-time recovery or binary logs', (name) => {
    const backup = primaries.find((p) => p.name === name)!.settings.backup_configuration;
    expect(backup).toMatchObject({ enabled: true, backup_retention_settings: { retained_backups: 35 }, transaction_log_retention_days: 7 });
    expect(backup.point_in_time_recovery_enabled === true || backup.binary_log_enabled === true).toBe(true);
  });

  test("THEN every instance is encrypted with its own region's key, reachable on the private IP only, with TLS enforced", () => {
    for (const instance of all) {
      expect(instance.encryption_key_name).toBe(keyOf(instance.region));
      expect(instance.settings.ip_configuration).toEqual({
        ipv4_enabled: false,
        private_network: 'projects/acme-network-prod/global/networks/shared-vpc',
        ssl_mode: 'ENCRYPTED_ONLY',
      });
    }
  });

  test('THEN every instance has an explicit edition and database flags, IAM authentication among them', () => {
    for (const instance of all) {
      expect(instance.settings.edition).toBe('ENTERPRISE');
      expect(instance.settings.database_flags.map((flag: { name: string }) => flag.name)).toEqual(
        expect.arrayContaining([instance.database_version.startsWith('MYSQL') ? 'cloudsql_iam_authentication' : 'cloudsql.iam_authentication']),
      );
    }
  });

  test('THEN the Cloud SQL, Secret Manager and (prod has a Memorystore instance) the Memorystore service agents may use the key of every region', () => {
    const grants = resources(foundation, 'google_kms_crypto_key_iam_member');
    expect(grants.map((grant) => [grant.role, grant.member]).sort()).toEqual(
      [
        ...['europe-west1', 'europe-west4'].map(() => 'serviceAccount:service-100000000003@gcp-sa-cloud-sql.iam.gserviceaccount.com'),
        ...['europe-west1', 'europe-west4'].map(() => 'serviceAccount:service-100000000003@cloud-redis.iam.gserviceaccount.com'),
        ...['europe-west1', 'europe-west4'].map(() => 'serviceAccount:service-100000000003@gcp-sa-secretmanager.iam.gserviceaccount.com'),
      ]
        .map((member) => ['roles/cloudkms.cryptoKeyEncrypterDecrypter', member])
        .sort(),
    );
  });

  test('THEN every alert policy, of primaries and replicas alike, notifies the email channel', () => {
    for (const [, stack] of instanceStacks) {
      const policies = resources(stack, 'google_monitoring_alert_policy');
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies)
        expect(policy.notification_channels).toEqual([expect.stringMatching(/cross-stack-output-google_monitoring_notification_channel/)]);
    }
    const replicaPolicies = resources(json['prod-cloudsql-ledger'], 'google_monitoring_alert_policy').filter((p) =>
      p.display_name.startsWith('prod-ledger-replica-'),
    );
    expect(replicaPolicies.map((p) => p.display_name)).toContain('prod-ledger-replica-europe-west4: replica more than 30 s behind [warning]');
  });

  test('THEN the ledger is audited and keeps the year-end closing free of maintenance', () => {
    const ledger = primaries.find((p) => p.name === 'prod-ledger')!;
    expect(ledger.settings.database_flags).toEqual(expect.arrayContaining([{ name: 'cloudsql.enable_pgaudit', value: 'on' }]));
    expect(ledger.settings.deny_maintenance_period).toEqual({ start_date: '12-15', end_date: '01-05', time: '00:00:00' });
  });
});

describe('the development Cloud SQL stack (config/dev.ts)', () => {
  test('GIVEN dev WHEN synthesized THEN its instance is ZONAL, small, unprotected and may be destroyed', () => {
    const instance = onlyResource(synthEnvironment(environmentPlan('dev')).json['dev-cloudsql-ledger'], 'google_sql_database_instance');
    expect(instance.settings).toMatchObject({ availability_type: 'ZONAL', tier: 'db-custom-1-3840', disk_size: 20, deletion_protection_enabled: false });
    expect(instance.deletion_protection).toBe(false);
    expect(instance).not.toHaveProperty('lifecycle');
  });
});

describe('a SQL Server stack', () => {
  test('GIVEN a SQL Server instance WHEN synthesized THEN its root password is read from Secret Manager, not written in the code', () => {
    const plan = buildPlan(
      validateEnvironment(
        'test',
        withChange((c) =>
          c.databases.push({
            kind: 'cloudsql-instance',
            name: 'billing',
            engine: 'sqlserver',
            version: '2022-standard',
            tier: 'db-custom-2-7680',
            diskSizeGb: 50,
            rootPasswordSecret: 'projects/fixture-project/secrets/billing-root',
          }),
        ),
      ),
    );
    const stack = synthEnvironment(plan).json['test-cloudsql-billing'];
    expect(Object.values(stack.data.google_secret_manager_secret_version)).toEqual([
      { project: 'fixture-project', secret: 'projects/fixture-project/secrets/billing-root' },
    ]);
    expect(onlyResource(stack, 'google_sql_database_instance').root_password).toMatch(
      /^\$\{data\.google_secret_manager_secret_version\.RootPassword\.secret_data\}$/,
    );
  });
});
