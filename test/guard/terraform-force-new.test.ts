/**
 * The guard's Terraform list (lib/guard/terraform-force-new.ts): it covers every resource type we emit, names only
 * attributes the 6.50 provider has, and each kind of rule catches a crafted change through the functions the guard
 * runs (terraformFindings), while the changes the provider makes in place pass.
 */
import { Testing } from 'cdktf';
import { listEnvironments, loadEnvironments } from '../../lib/environments/load-environments';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { formatFinding } from '../../lib/guard/guard-finding';
import { STATEFUL_TERRAFORM_TYPES } from '../../lib/guard/stateful-resources';
import { forcesNew, TerraformConfig, terraformFindings, valueAt } from '../../lib/guard/terraform-changes';
import { TERRAFORM_FORCE_NEW } from '../../lib/guard/terraform-force-new';
import { buildPlan } from '../../lib/plan/build-plan';
import { googleResourceAttributes } from '../support/google-provider-attributes';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';
import { withCloudSqlRoles } from '../support/cloud-sql-access-fixture';

/**
 * Every Terraform stack of every environment in config/, as `cdktf synth` writes it, and of the fixture environment
 * with Cloud SQL roles (users, databases, secrets: types the samples may not emit).
 */
const synthesized: Record<string, TerraformConfig> = Object.fromEntries(
  [...loadEnvironments(listEnvironments()), validateEnvironment('fixture', withChange(withCloudSqlRoles))].flatMap((environment) => {
    const stacks = addGcpEnvironment(Testing.app(), buildPlan(environment));
    if (!stacks) return [];
    return [stacks.foundation, ...stacks.databaseStacks].map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack)) as TerraformConfig]);
  }),
);
const emittedTypes = [...new Set(Object.values(synthesized).flatMap((config) => Object.keys(config.resource ?? {})))].sort();

test('every resource type we emit has an entry, and no entry is for a type we do not emit', () => {
  expect(emittedTypes.length).toBeGreaterThan(0);
  expect(Object.keys(TERRAFORM_FORCE_NEW).sort()).toEqual(emittedTypes);
});

test('every stateful type is emitted and has rules; the guard blocks on exactly those', () => {
  for (const type of STATEFUL_TERRAFORM_TYPES) {
    expect(emittedTypes).toContain(type);
    expect(TERRAFORM_FORCE_NEW[type].length).toBeGreaterThan(0);
  }
  expect([...STATEFUL_TERRAFORM_TYPES].sort()).toEqual([
    'google_kms_crypto_key',
    'google_kms_key_ring',
    'google_redis_instance',
    'google_secret_manager_secret',
    'google_secret_manager_secret_version',
    'google_sql_database',
    'google_sql_database_instance',
    'google_sql_user',
    'random_password',
  ]);
});

/** `<file>.go@<commit>:<line> …`: the file, the commit it was read at and the line that makes the rule. */
const CITES_A_LINE = /^(google|hashicorp\/terraform-provider-random internal)\/[\w/]+\.go@[0-9a-f]{8}:\d+ \S/;

describe.each(Object.entries(TERRAFORM_FORCE_NEW))('%s', (type, rules) => {
  const attributes = googleResourceAttributes(type);
  test.each(rules.map((rule) => [rule.path, rule] as const))('%s is an attribute of the 6.50 bindings and cites its provider source', (_path, rule) => {
    expect(attributes).toContain(rule.path);
    expect(rule.source).toMatch(/^(google|hashicorp\/terraform-provider-random internal)\/[\w/]+\.go@[0-9a-f]{8}[: ]/);
  });
});

test('every rule cites the line of its source, except the one assumed because the copy read predates it', () => {
  const withoutLine = Object.entries(TERRAFORM_FORCE_NEW).flatMap(([type, rules]) =>
    rules.filter((rule) => !CITES_A_LINE.test(rule.source)).map((rule) => `${type} ${rule.path}`),
  );
  expect(withoutLine).toEqual(['google_secret_manager_secret_version secret_data_wo_version']);
});

test('the bindings reader finds nested blocks and lists of blocks (so the check above can fail)', () => {
  const attributes = googleResourceAttributes('google_sql_database_instance');
  expect(attributes).toContain('settings.ip_configuration.private_network');
  expect(attributes).toContain('settings.database_flags.name');
  expect(attributes).not.toContain('settings.require_ssl');
  expect(googleResourceAttributes('google_monitoring_alert_policy')).toContain('conditions.condition_threshold.filter');
});

test('a path through a list of blocks reads every element', () => {
  expect(valueAt({ flags: [{ name: 'a' }, { name: 'b' }] }, 'flags.name')).toEqual(['a', 'b']);
  expect(valueAt({ settings: { tier: 'x' } }, 'settings.missing.deeper')).toBeUndefined();
});

// Crafted changes to the synthesized prod configs, through the guard's own comparison.
type Attributes = Record<string, any>;
function findingsAfter(stack: string, type: string, change: (attributes: Attributes, all: Record<string, Attributes>) => void) {
  const approved = synthesized[stack];
  const current = structuredClone(approved);
  const instances = current.resource![type] as Record<string, Attributes>;
  change(instances[Object.keys(instances)[0]], instances);
  return terraformFindings('prod', stack, approved, current);
}
const replacedBecause = (findings: ReturnType<typeof terraformFindings>) => findings.map((f) => [f.impact, f.properties, f.detail]);

const SQL = 'google_sql_database_instance';
const ledgerReplica = (all: Record<string, Attributes>) => all[Object.keys(all).find((name) => all[name].master_instance_name)!];

describe('google_sql_database_instance', () => {
  test.each([
    ['a nested ForceNew attribute: settings.collation set', (i: Attributes) => (i.settings.collation = 'en_US.UTF8'), 'settings.collation'],
    ['settings.disk_type PD_SSD → PD_HDD', (i: Attributes) => (i.settings.disk_type = 'PD_HDD'), 'settings.disk_type'],
    ['encryption_key_name changed', (i: Attributes) => (i.encryption_key_name = `${i.encryption_key_name}-2`), 'encryption_key_name'],
    ['name changed', (i: Attributes) => (i.name = 'prod-ledger-2'), 'name'],
  ])('%s is replaced', (_name, change, property) => {
    expect(replacedBecause(findingsAfter('prod-cloudsql-ledger', SQL, change))).toEqual([['replaced', [property], undefined]]);
  });

  test('a ForceNew attribute of a one-item block on the replica: replica_configuration.failover_target set', () => {
    const findings = findingsAfter('prod-cloudsql-ledger', SQL, (_i, all) => (ledgerReplica(all).replica_configuration = { failover_target: true }));
    expect(replacedBecause(findings)).toEqual([['replaced', ['replica_configuration.failover_target'], undefined]]);
  });

  test('a CustomizeDiff ForceNewIf rule: a replica pointed at another primary is recreated', () => {
    const findings = findingsAfter('prod-cloudsql-ledger', SQL, (_i, all) => (ledgerReplica(all).master_instance_name = 'prod-ledger-2'));
    expect(findings.map(formatFinding).map((m) => m.replace(/change: '[0-9a-f]{12}'/, "change: '<change>'"))).toEqual([
      `prod › prod-cloudsql-ledger › google_sql_database_instance.Replica-europe-west4_Instance_73E37195 (google_sql_database_instance) would be replaced because master_instance_name changes (the provider recreates an instance whose primary changes (a new replica, copied from the new primary)). ` +
        "Fix: revert the change, or if it is intended add to config/prod.ts approvedReplacements: [{ resource: 'prod-cloudsql-ledger/google_sql_database_instance.Replica-europe-west4_Instance_73E37195', change: '<change>', reason: '<why this is safe>' }], then run `npm run guard -- --approve`.",
    ]);
  });

  test('a CustomizeDiff d.ForceNew rule: removing the private network replaces; moving it to another network is in place', () => {
    expect(replacedBecause(findingsAfter('prod-cloudsql-ledger', SQL, (i) => delete i.settings.ip_configuration.private_network))).toEqual([
      [
        'replaced',
        ['settings.ip_configuration.private_network'],
        'the provider replaces the instance when its private network is removed (the API refuses it in place)',
      ],
    ]);
    expect(
      findingsAfter('prod-cloudsql-ledger', SQL, (i) => (i.settings.ip_configuration.private_network = 'projects/acme-network-prod/global/networks/other')),
    ).toEqual([]);
  });

  test('the ForceNewIfChange disk rule: 250 → 249 GB replaces, 250 → 251 GB and leaving the size out (Computed) do not', () => {
    expect(replacedBecause(findingsAfter('prod-cloudsql-ledger', SQL, (i) => (i.settings.disk_size = 249)))).toEqual([
      ['replaced', ['settings.disk_size'], 'the provider replaces the instance when the disk shrinks'],
    ]);
    expect(findingsAfter('prod-cloudsql-ledger', SQL, (i) => (i.settings.disk_size = 251))).toEqual([]);
    expect(findingsAfter('prod-cloudsql-ledger', SQL, (i) => delete i.settings.disk_size)).toEqual([]);
  });

  test.each([
    ['leaving out an Optional + Computed ForceNew attribute (encryption_key_name) keeps it', (i: Attributes) => delete i.encryption_key_name],
    ['a major version upgrade (database_version is not ForceNew)', (i: Attributes) => (i.database_version = 'POSTGRES_17')],
    [
      'the edition, the tier, a flag, the maintenance window',
      (i: Attributes) => {
        i.settings.edition = 'ENTERPRISE_PLUS';
        i.settings.tier = 'db-perf-optimized-N-8';
        i.settings.database_flags[0].value = '0.05';
        i.settings.maintenance_window.day = 1;
      },
    ],
    ['settings.time_zone (ForceNew in 5.x, not in the version read)', (i: Attributes) => (i.settings.time_zone = 'UTC')],
  ])('in place: %s', (_name, change) => {
    expect(findingsAfter('prod-cloudsql-ledger', SQL, change)).toEqual([]);
  });
});

describe('google_kms_crypto_key', () => {
  const KEY = 'google_kms_crypto_key';
  test('a schema Default: leaving purpose out keeps ENCRYPT_DECRYPT (in place); another purpose replaces the key', () => {
    expect(findingsAfter('prod-foundation', KEY, (k) => delete k.purpose)).toEqual([]);
    expect(replacedBecause(findingsAfter('prod-foundation', KEY, (k) => (k.purpose = 'ASYMMETRIC_SIGN')))).toEqual([['replaced', ['purpose'], undefined]]);
  });
  test('a nested ForceNew attribute with a Default: version_template.protection_level SOFTWARE → HSM replaces the key', () => {
    const findings = findingsAfter('prod-foundation', KEY, (k) => (k.version_template = { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protection_level: 'HSM' }));
    expect(replacedBecause(findings)).toEqual([['replaced', ['version_template.protection_level'], undefined]]);
    expect(findingsAfter('prod-foundation', KEY, (k) => (k.version_template = { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION' }))).toEqual([]);
  });
  test('in place: the rotation period, labels, skip_initial_version_creation (not ForceNew)', () => {
    expect(
      findingsAfter('prod-foundation', KEY, (k) => {
        k.rotation_period = '2592000s';
        k.labels = { ...k.labels, owner: 'platform' };
        k.skip_initial_version_creation = true;
      }),
    ).toEqual([]);
  });
});

describe('google_redis_instance', () => {
  const REDIS = 'google_redis_instance';
  const CACHE = 'prod-memorystore-sessions-cache';
  test.each([
    ['tier STANDARD_HA → BASIC', (i: Attributes) => (i.tier = 'BASIC'), 'tier'],
    ['leaving tier out (Default BASIC)', (i: Attributes) => delete i.tier, 'tier'],
    ['transit encryption turned off', (i: Attributes) => (i.transit_encryption_mode = 'DISABLED'), 'transit_encryption_mode'],
    ['another key', (i: Attributes) => (i.customer_managed_key = `${i.customer_managed_key}-2`), 'customer_managed_key'],
    ['connect_mode left out (Default DIRECT_PEERING)', (i: Attributes) => delete i.connect_mode, 'connect_mode'],
    ['another network', (i: Attributes) => (i.authorized_network = 'projects/acme-network-prod/global/networks/other'), 'authorized_network'],
  ])('%s is replaced', (_name, change, property) => {
    expect(replacedBecause(findingsAfter(CACHE, REDIS, change))).toEqual([['replaced', [property], undefined]]);
  });

  test('the CustomizeDiff version rule: 7.2 → 7.0 replaces; 7.0 → 7.2 and 7.2 → 6.x (REDIS_6_X does not parse) do not', () => {
    expect(replacedBecause(findingsAfter(CACHE, REDIS, (i) => (i.redis_version = 'REDIS_7_0')))).toEqual([
      ['replaced', ['redis_version'], 'the provider recreates an instance whose Redis version goes down (it upgrades in place, never downgrades)'],
    ]);
    const at70 = structuredClone(synthesized[CACHE]);
    const [name] = Object.keys(at70.resource![REDIS]);
    (at70.resource![REDIS][name] as Attributes).redis_version = 'REDIS_7_0';
    expect(terraformFindings('prod', CACHE, at70, synthesized[CACHE])).toEqual([]);
    expect(findingsAfter(CACHE, REDIS, (i) => (i.redis_version = 'REDIS_6_X'))).toEqual([]);
  });

  test('in place: a resize, more read replicas, a snapshot period, AUTH, the maintenance window, labels', () => {
    expect(
      findingsAfter(CACHE, REDIS, (i) => {
        i.memory_size_gb = 20;
        i.replica_count = 3;
        i.persistence_config.rdb_snapshot_period = 'SIX_HOURS';
        i.auth_enabled = false;
        i.maintenance_policy.weekly_maintenance_window[0].day = 'MONDAY';
        i.labels = { ...i.labels, owner: 'platform' };
      }),
    ).toEqual([]);
  });

  test('removing the instance from the config is a destruction', () => {
    expect(findingsAfter(CACHE, REDIS, (_i, all) => delete all[Object.keys(all)[0]]).map((f) => f.impact)).toEqual(['destroyed']);
  });
});

test('google_kms_key_ring (no Update function): a new location replaces the ring', () => {
  expect(replacedBecause(findingsAfter('prod-foundation', 'google_kms_key_ring', (r) => (r.location = 'europe-west4')))).toEqual([
    ['replaced', ['location'], undefined],
  ]);
});

test('types that hold no data are listed but not guarded: a new project for an alert policy forces new, the guard says nothing', () => {
  const [projectRule] = TERRAFORM_FORCE_NEW.google_monitoring_alert_policy;
  expect(forcesNew(projectRule, 'acme-databases-prod', 'acme-databases-other')).toBe(true);
  expect(findingsAfter('prod-cloudsql-ledger', 'google_monitoring_alert_policy', (p) => (p.project = 'acme-databases-other'))).toEqual([]);
  expect(findingsAfter('prod-foundation', 'google_kms_crypto_key_iam_member', (m) => (m.role = 'roles/cloudkms.admin'))).toEqual([]);
});
