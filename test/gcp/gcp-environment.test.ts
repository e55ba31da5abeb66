import { App } from 'cdktf';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { localStatePath } from '../../lib/gcp/state-backend';
import { environmentPlan, onlyResource, resources, synthEnvironment, testApp } from './support';

describe('GCP stacks of an environment with a local state backend (dev)', () => {
  // GIVEN the dev plan (no stateBackend in config → local)
  const plan = environmentPlan('dev');
  // WHEN its stacks are synthesized
  const { stacks, json } = synthEnvironment(plan);
  const foundation = json['dev-foundation'];
  const instance = json['dev-cloudsql-ledger'];

  test('THEN there is one foundation stack and one stack per Cloud SQL instance, all named after the environment', () => {
    expect(Object.keys(json).sort()).toEqual(['dev-cloudsql-ledger', 'dev-foundation']);
    for (const name of Object.keys(json)) expect(name.startsWith(`${plan.environment}-`)).toBe(true);
    expect(stacks.foundation.node.id).toBe(plan.gcp!.foundation.stackName);
    expect(stacks.cloudSqlInstances.map((s) => s.node.id)).toEqual(plan.gcp!.cloudSqlInstances.map((i) => i.stackName));
  });

  test('THEN the instance stack depends on the foundation, so the key grant exists first', () => {
    expect(stacks.cloudSqlInstances[0].dependencies).toEqual([stacks.foundation]);
  });

  test('THEN each stack has its own provider for the project (region: primary for the foundation, the instance region otherwise)', () => {
    expect(foundation.provider.google).toEqual([{ project: 'acme-databases-dev', region: 'europe-west1' }]);
    expect(instance.provider.google).toEqual([{ project: 'acme-databases-dev', region: plan.gcp!.cloudSqlInstances[0].region }]);
  });

  test('THEN the provider version is the one @cdktf/provider-google 16.12.1 binds', () => {
    expect(foundation.terraform.required_providers.google).toEqual({ source: 'google', version: '6.50.0' });
  });

  test('THEN each stack keeps its own local state file', () => {
    expect(foundation.terraform.backend).toEqual({ local: { path: '../../../terraform.dev-foundation.tfstate' } });
    expect(instance.terraform.backend).toEqual({ local: { path: localStatePath('dev-cloudsql-ledger') } });
  });

  test('THEN the foundation holds a key per region, granted to the Cloud SQL service agent', () => {
    expect(onlyResource(foundation, 'google_kms_key_ring')).toMatchObject({ name: 'dev-databases', location: 'europe-west1' });
    expect(onlyResource(foundation, 'google_kms_crypto_key')).toMatchObject({
      name: 'cloud-sql',
      labels: { environment: 'dev', 'cost-center': 'platform' },
    });
    expect(onlyResource(foundation, 'google_kms_crypto_key')).not.toHaveProperty('lifecycle');
    expect(onlyResource(foundation, 'google_kms_crypto_key_iam_member').member).toBe(
      'serviceAccount:service-100000000001@gcp-sa-cloud-sql.iam.gserviceaccount.com',
    );
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
    expect(keyName).toBe(plan.gcp!.cloudSqlInstances[0].keyId);
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
      expect(policy.notification_channels).toEqual([
        `\${data.terraform_remote_state.cross-stack-reference-input-dev-foundation.outputs.${outputName}}`,
      ]);
    }
  });

  test('THEN the instance renders the plan (tier, availability, retention, flags, one alert policy per plan row)', () => {
    const instancePlan = plan.gcp!.cloudSqlInstances[0];
    const rendered = onlyResource(instance, 'google_sql_database_instance');
    expect(rendered).toMatchObject({
      name: instancePlan.instanceName,
      deletion_protection: instancePlan.deletionProtection,
      settings: {
        tier: instancePlan.tier,
        edition: instancePlan.edition,
        availability_type: instancePlan.availabilityType,
        backup_configuration: { backup_retention_settings: { retained_backups: instancePlan.recovery.backupRetentionDays } },
        user_labels: instancePlan.labels,
      },
    });
    // The plan's tuned flags, plus the flag the construct adds for IAM database authentication.
    expect(rendered.settings.database_flags).toEqual(
      Object.entries({ ...instancePlan.flags, 'cloudsql.iam_authentication': 'on' })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, value]) => ({ name, value })),
    );
    expect(resources(instance, 'google_monitoring_alert_policy').map((p) => p.display_name).sort()).toEqual(
      instancePlan.alerts.map((a) => a.displayName).sort(),
    );
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
    expect(resources(foundation, 'google_kms_key_ring').map((ring) => ring.location).sort()).toEqual(['europe-west1', 'europe-west4']);
    for (const key of resources(foundation, 'google_kms_crypto_key')) expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('THEN the retained primary cannot be destroyed; its replica can, once its deletion protection is lifted', () => {
    const [primary, replica] = resources(instance, 'google_sql_database_instance');
    expect(primary.lifecycle).toEqual({ prevent_destroy: true });
    expect(replica).toMatchObject({
      master_instance_name: expect.stringMatching(/^\$\{google_sql_database_instance\.Database_Instance_[0-9A-F]+\.name\}$/),
      deletion_protection: true,
    });
    expect(replica).not.toHaveProperty('lifecycle');
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
