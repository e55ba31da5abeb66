/**
 * A platform team's own CDKTF stack composing CloudSqlInstance with minimal props; asserts that the safe defaults are
 * in the Terraform JSON: customer-managed key, TLS only, backups with point-in-time recovery, deletion protection on
 * both sides, and alert policies to the channel.
 */
import * as assert from 'node:assert/strict';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { CloudSqlInstance, type CloudSqlInstanceProps, DatabaseValidationError } from 'databases-as-code/gcp';

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'consumer');
new GoogleProvider(stack, 'google', { project: 'acme-consumer', region: 'europe-west1' });
const channel = 'projects/acme-consumer/notificationChannels/123';
const ledger: CloudSqlInstanceProps = {
  project: 'acme-consumer',
  region: 'europe-west1',
  instanceName: 'ledger',
  databaseVersion: 'POSTGRES_17',
  edition: 'ENTERPRISE',
  tier: 'db-custom-2-7680',
  privateNetwork: 'projects/acme-consumer/global/networks/shared',
  encryptionKeyName: 'projects/acme-consumer/locations/europe-west1/keyRings/databases/cryptoKeys/cloudsql',
  notificationChannels: [channel],
};
new CloudSqlInstance(stack, 'Ledger', ledger);

const json = JSON.parse(Testing.synth(stack, true));
const [instance] = Object.values<any>(json.resource.google_sql_database_instance);
assert.equal(instance.encryption_key_name, 'projects/acme-consumer/locations/europe-west1/keyRings/databases/cryptoKeys/cloudsql', 'customer-managed key');
assert.equal(instance.settings.ip_configuration.ssl_mode, 'ENCRYPTED_ONLY', 'TLS only');
assert.equal(instance.settings.ip_configuration.ipv4_enabled, false, 'private IP only');
assert.equal(instance.settings.backup_configuration.enabled, true, 'backups');
assert.equal(instance.settings.backup_configuration.point_in_time_recovery_enabled, true, 'point-in-time recovery');
assert.equal(instance.deletion_protection, true, 'Terraform deletion protection');
assert.equal(instance.settings.deletion_protection_enabled, true, 'Cloud SQL API deletion protection');
assert.equal(instance.lifecycle?.prevent_destroy, true, 'prevent_destroy');
const policies = Object.values<any>(json.resource.google_monitoring_alert_policy ?? {});
assert.ok(policies.length >= 8, `alert policies by default (${policies.length})`);
assert.ok(
  policies.every((policy) => policy.notification_channels.includes(channel)),
  'every alert notifies the channel',
);
console.log(`gcp consumer: key, TLS, backups with point-in-time recovery, deletion protection and ${policies.length} alert policies are there`);

// A prop mistake throws the package's own error class at construction, with the problem as data.
assert.throws(
  () => new CloudSqlInstance(new TerraformStack(app, 'mistake'), 'Ledger', { ...ledger, instanceName: 'Ledger_1' }),
  (error: unknown) =>
    error instanceof DatabaseValidationError &&
    error.problems.length === 1 &&
    error.problems[0].path.join('.') === 'instanceName' &&
    error.message.includes('instanceName = "Ledger_1": must start with a lowercase letter'),
  'a bad prop is a DatabaseValidationError naming the prop, the value and the rule',
);
console.log('gcp consumer: a bad prop throws DatabaseValidationError');
