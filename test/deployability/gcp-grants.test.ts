import { listEnvironments } from '../../lib/environments/load-environments';
import { environmentPlan, synthEnvironment } from '../gcp/support';
import { gcpGrantProblems, TerraformStackJson } from './gcp-grants';

/** Every sample environment with a gcp section, as Terraform JSON with each stack's dependencies. */
function environmentStacks(name: string): { stacks: TerraformStackJson[]; projectNumbers: Record<string, string> } | undefined {
  const plan = environmentPlan(name);
  if (!plan.gcp) return undefined;
  const { stacks, json } = synthEnvironment(plan);
  const all = [stacks.foundation, ...stacks.databaseStacks];
  return {
    stacks: all.map((s) => ({ name: s.node.id, dependsOn: s.dependencies.map((d) => d.node.id), json: json[s.node.id] })),
    projectNumbers: { [plan.gcp.projectId]: plan.gcp.projectNumber },
  };
}
const gcpEnvironments = listEnvironments().filter((name) => environmentPlan(name).gcp);

test.each(gcpEnvironments)('%s: every Cloud SQL key grant and alert channel exists in the same or an earlier stack', (name) => {
  const { stacks, projectNumbers } = environmentStacks(name)!;
  const report = gcpGrantProblems(stacks, projectNumbers);
  expect(report.problems).toEqual([]);
  expect(report.checked).toBeGreaterThan(1);
});

describe('crafted prod: each grant class can fail', () => {
  const prod = () => structuredClone(environmentStacks('prod')!);
  const stackNamed = (stacks: TerraformStackJson[], name: string) => stacks.find((s) => s.name === name)! as { json: any };

  test("the service agent grant on the replica region's key is missing", () => {
    const env = prod();
    const grants = stackNamed(env.stacks, 'prod-foundation').json.resource.google_kms_crypto_key_iam_member;
    for (const id of Object.keys(grants)) if (id.includes('europe-west4')) delete grants[id];
    expect(gcpGrantProblems(env.stacks, env.projectNumbers).problems).toEqual([
      expect.stringMatching(
        /^prod-cloudsql-ledger\/[\w-]+ \(google_sql_database_instance prod-ledger-replica-europe-west4\) → prod-foundation\/CloudSqlKeys_europe-west4_Key_\w+ \(google_kms_crypto_key\): missing google_kms_crypto_key_iam_member roles\/cloudkms\.cryptoKeyEncrypterDecrypter for serviceAccount:service-\d+@gcp-sa-cloud-sql\.iam\.gserviceaccount\.com$/,
      ),
    ]);
  });

  test("a replica encrypted with the primary region's key", () => {
    const env = prod();
    const instances = stackNamed(env.stacks, 'prod-cloudsql-ledger').json.resource.google_sql_database_instance;
    const [primary, replica] = Object.values<any>(instances);
    replica.encryption_key_name = primary.encryption_key_name;
    expect(gcpGrantProblems(env.stacks, env.projectNumbers).problems).toEqual([
      expect.stringMatching(
        /prod-ledger-replica-europe-west4\): its key is in europe-west1, the instance in europe-west4: Cloud SQL needs a key in the instance's region$/,
      ),
    ]);
  });

  test('an alert policy naming a channel no earlier stack creates', () => {
    const env = prod();
    const stack = stackNamed(env.stacks, 'prod-cloudsql-ledger');
    const [policy] = Object.values<any>(stack.json.resource.google_monitoring_alert_policy);
    policy.notification_channels = ['${google_monitoring_notification_channel.Missing.name}'];
    expect(gcpGrantProblems(env.stacks, env.projectNumbers).problems).toEqual([
      expect.stringMatching(
        /^prod-cloudsql-ledger\/[\w-]+ \(google_monitoring_alert_policy\): notification channel \$\{google_monitoring_notification_channel\.Missing\.name\} is created in no stack applied before it$/,
      ),
    ]);
  });
});
