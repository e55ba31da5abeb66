/**
 * Databases, users, secrets and the connection contract of Cloud SQL instances (issue #20, part 4): through the plan
 * and the stacks of a fixture environment with roles on a PostgreSQL and a MySQL instance.
 */
import type { Tier } from '../../config/schema';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { withChange } from '../support/fixtures';
import { APP, MIGRATIONS, REPORTS, withCloudSqlRoles } from '../support/cloud-sql-access-fixture';
import { resources, synthEnvironment, TerraformJson } from './support';
import { cloudSqlAccessLines } from '../../lib/kinds/cloudsql-instance/cloud-sql-access-inventory';

const withRoles = withCloudSqlRoles;

function planWith(change: (config: any) => void, tier: Tier = 'production') {
  return buildPlan(validateEnvironment('test', withChange(change, tier)));
}

/** The fixture's Cloud SQL database without its roles and logical databases. */
const withoutRoles = (config: any) =>
  Object.assign(
    config.databases.find((db: any) => db.kind === 'cloudsql-instance'),
    { roles: [], databases: [] },
  );

const synthesized = (tier: Tier = 'production') => synthEnvironment(planWith(withRoles, tier)).json;

const byName = (list: TerraformJson[], name: string) => list.find((item) => item.name === name);

describe('logical databases and users (Terraform side)', () => {
  const json = synthesized();
  const ledger = json['test-cloudsql-ledger'];
  const inventory = json['test-cloudsql-inventory'];

  test('a google_sql_database per logical database, abandoned (never dropped) by Terraform, kept from destroy in production', () => {
    const databases = resources(ledger, 'google_sql_database');
    expect(databases.map((db) => db.name).sort()).toEqual(['audit', 'ledger']);
    for (const db of databases) {
      expect(db).toMatchObject({ deletion_policy: 'ABANDON', lifecycle: { prevent_destroy: true }, project: 'fixture-project' });
      expect(db.instance).toBe('${google_sql_database_instance.Database_Instance_02E622FB.name}');
    }
  });

  test('development: no prevent_destroy on databases (the instance has none either)', () => {
    const databases = resources(synthesized('development')['test-cloudsql-ledger'], 'google_sql_database');
    expect(databases.map((db) => db.lifecycle)).toEqual([undefined, undefined]);
  });

  test('a password role is a BUILT_IN user whose generated password is write-only (not in the state)', () => {
    const user = byName(resources(ledger, 'google_sql_user'), 'ledger_owner')!;
    expect(user).toMatchObject({ type: 'BUILT_IN', password_wo_version: 1, deletion_policy: 'ABANDON' });
    expect(user.password).toBeUndefined();
    expect(user.password_wo).toMatch(/^\$\{random_password\.Access_User-ledger_owner_Password_[0-9A-F]+\.result\}$/);
    const [password] = resources(ledger, 'random_password');
    expect(password).toEqual({ length: 32, min_upper: 1, min_lower: 1, min_numeric: 1, min_special: 1, override_special: '-_.~' });
    expect(ledger.provider.random).toEqual([{}]);
  });

  test("an iam role's consumers are CLOUD_IAM_SERVICE_ACCOUNT users, each once: PostgreSQL without .gserviceaccount.com, MySQL the email", () => {
    const iamUsers = (stack: TerraformJson) => resources(stack, 'google_sql_user').filter((user) => user.type === 'CLOUD_IAM_SERVICE_ACCOUNT');
    expect(iamUsers(ledger).map((user) => [user.name, user.deletion_policy])).toEqual([
      ['ledger-app@fixture-project.iam', 'ABANDON'],
      ['reports@fixture-project.iam', 'ABANDON'],
    ]);
    expect(iamUsers(inventory).map((user) => user.name)).toEqual([APP]);
  });

  test('IAM database authentication is on for both engines', () => {
    const flags = (stack: TerraformJson) => resources(stack, 'google_sql_database_instance')[0].settings.database_flags;
    expect(flags(ledger)).toContainEqual({ name: 'cloudsql.iam_authentication', value: 'on' });
    expect(flags(inventory)).toContainEqual({ name: 'cloudsql_iam_authentication', value: 'on' });
  });
});

describe('secrets', () => {
  const json = synthesized();
  const ledger = json['test-cloudsql-ledger'];
  const secrets = resources(ledger, 'google_secret_manager_secret');
  const secret = (id: string) => secrets.find((s) => s.secret_id === id);

  test('every secret lives in the instance region under the region key, deletion-protected in production', () => {
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      expect(s.replication).toEqual({
        user_managed: {
          replicas: [
            {
              location: 'europe-west1',
              customer_managed_encryption: { kms_key_name: 'projects/fixture-project/locations/europe-west1/keyRings/test-databases/cryptoKeys/cloud-sql' },
            },
          ],
        },
      });
      expect(s.deletion_protection).toBe(true);
    }
  });

  test("a password role's secret holds username and password write-only, readable by the role's consumers only", () => {
    expect(secret('test-databases-ledger-password-ledger_owner')).toBeDefined();
    const versions = resources(ledger, 'google_secret_manager_secret_version').filter((v) => v.secret_data_wo !== undefined);
    expect(versions).toHaveLength(1);
    expect(versions[0].secret_data).toBeUndefined();
    expect(versions[0].secret_data_wo_version).toBe(1);
    expect(versions[0].secret_data_wo).toMatch(
      /^\$\{jsonencode\(\{"username" = "ledger_owner", "password" = random_password\.Access_User-ledger_owner_Password_[0-9A-F]+\.result\}\)\}$/,
    );
    const readers = resources(ledger, 'google_secret_manager_secret_iam_member').filter((m) => String(m.secret_id).includes('User-ledger_owner'));
    expect(readers.map((m) => [m.role, m.member])).toEqual([['roles/secretmanager.secretAccessor', `serviceAccount:${MIGRATIONS}`]]);
  });

  test('the connection contract: one secret per key, named <env>-databases-<name>-<key>, with its value', () => {
    const values = Object.fromEntries(
      resources(ledger, 'google_secret_manager_secret_version')
        .filter((v) => v.secret_data !== undefined)
        .map((v) => [v.secret.match(/Contract_(.*?)_Secret/)![1], v.secret_data]),
    );
    expect(values).toEqual({
      'test-databases-ledger-connection-name': 'fixture-project:europe-west1:test-ledger',
      'test-databases-ledger-private-ip': '${google_sql_database_instance.Database_Instance_02E622FB.private_ip_address}',
      'test-databases-ledger-port': '5432',
      'test-databases-ledger-engine': 'postgres',
      'test-databases-ledger-databases': 'ledger,audit',
      'test-databases-ledger-user-ledger_owner': 'ledger_owner',
      'test-databases-ledger-user-ledger_app': 'ledger-app@fixture-project.iam',
      'test-databases-ledger-user-reporting': 'reports@fixture-project.iam,ledger-app@fixture-project.iam',
    });
    expect(ledger.output['contract-connection-name'].value).toBe('fixture-project:europe-west1:test-ledger');
    expect(ledger.output['contract-private-ip'].value).toBe('${google_sql_database_instance.Database_Instance_02E622FB.private_ip_address}');
  });

  test('every consumer of the database reads every contract key', () => {
    const contractReaders = resources(ledger, 'google_secret_manager_secret_iam_member').filter((m) =>
      String(m.secret_id).includes('Contract_test-databases-ledger-port_'),
    );
    expect(contractReaders.map((m) => m.member).sort()).toEqual([`serviceAccount:${APP}`, `serviceAccount:${MIGRATIONS}`, `serviceAccount:${REPORTS}`]);
  });
});

describe('the foundation', () => {
  const foundation = synthesized()['test-foundation'];

  test('consumers get roles/cloudsql.client, IAM consumers roles/cloudsql.instanceUser: once each, however many databases share them', () => {
    const grants = resources(foundation, 'google_project_iam_member').map((grant) => `${grant.role} ${grant.member}`);
    expect(grants.sort()).toEqual([
      `roles/cloudsql.client serviceAccount:${APP}`,
      `roles/cloudsql.client serviceAccount:${MIGRATIONS}`,
      `roles/cloudsql.client serviceAccount:${REPORTS}`,
      `roles/cloudsql.instanceUser serviceAccount:${APP}`,
      `roles/cloudsql.instanceUser serviceAccount:${REPORTS}`,
    ]);
  });

  test("Secret Manager's service agent may use every region key", () => {
    const members = resources(foundation, 'google_kms_crypto_key_iam_member').map((grant) => grant.member);
    expect(members.filter((member) => member === 'serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com')).toHaveLength(2);
  });
});

describe('the plan: what dbctl provision applies', () => {
  test('declared access for PostgreSQL: IAM roles are group roles whose members are the consumers, password users come from Terraform', () => {
    const ledger = planWith(withRoles).databases['cloudsql-instance'][0];
    expect(ledger.accessPlan.connectionName).toBe('fixture-project:europe-west1:test-ledger');
    expect(ledger.accessPlan.declared).toMatchObject({
      dialect: 'postgresql',
      platform: 'cloud-sql',
      databases: ['ledger', 'audit'],
      roles: [
        { name: 'ledger_owner', createdBy: 'platform', members: [] },
        { name: 'ledger_app', createdBy: 'engine', members: ['ledger-app@fixture-project.iam'] },
        { name: 'reporting', createdBy: 'engine', databases: ['ledger'], members: ['reports@fixture-project.iam', 'ledger-app@fixture-project.iam'] },
      ],
    });
  });

  test('MySQL IAM users are the part of the email before @', () => {
    const inventory = planWith(withRoles).databases['cloudsql-instance'][1];
    expect(inventory.accessPlan.iamUsers).toEqual([{ serviceAccount: APP, databaseUser: 'ledger-app', roles: ['stock_app'] }]);
    expect(inventory.accessPlan.declared?.roles[0].members).toEqual(['ledger-app']);
  });

  test('without roles: the contract still says where the database is; no users, no project grants', () => {
    const plan = planWith(withoutRoles);
    const [ledger] = plan.databases['cloudsql-instance'];
    expect(ledger.accessPlan.contract.map((entry) => entry.key)).toEqual(['connection-name', 'private-ip', 'port', 'engine']);
    expect(ledger.accessPlan.passwordUsers).toEqual([]);
    expect(plan.gcp!.foundation.projectGrants).toEqual([]);
  });
});

describe('the inventory', () => {
  test('lists each user with how it logs in, and the contract secrets', () => {
    const ledger = planWith(withRoles).databases['cloudsql-instance'][0];
    expect(cloudSqlAccessLines(ledger.accessPlan)).toEqual([
      'user ledger_owner: password in `test-databases-ledger-password-ledger_owner`',
      `user ledger-app@fixture-project.iam: IAM (${APP}), roles ledger_app, reporting`,
      `user reports@fixture-project.iam: IAM (${REPORTS}), roles reporting`,
      'contract: `test-databases-ledger-connection-name`, `test-databases-ledger-private-ip`, `test-databases-ledger-port`, ' +
        '`test-databases-ledger-engine`, `test-databases-ledger-databases`, `test-databases-ledger-user-ledger_owner`, ' +
        '`test-databases-ledger-user-ledger_app`, `test-databases-ledger-user-reporting`',
    ]);
  });
});

test('a stack without password roles has no random provider (terraform init fetches nothing it does not use)', () => {
  const json = synthEnvironment(planWith(withoutRoles)).json['test-cloudsql-ledger'];
  expect(json.provider.random).toBeUndefined();
  expect(resources(json, 'random_password')).toEqual([]);
});
