/**
 * What a Google Cloud environment's resources need granted before Terraform can apply them, checked across stacks:
 * - Cloud SQL encrypts an instance with its CMEK only when the project's Cloud SQL service agent holds
 *   roles/cloudkms.cryptoKeyEncrypterDecrypter on that key, and the key is in the instance's region (Cloud SQL CMEK
 *   docs); the key and the grant must exist in the instance's stack or a stack it depends on (applied earlier).
 * - An alert policy's notification channels must exist, in the same or an earlier stack.
 * Secret Manager is read by the Terraform runner's own identity (the root password data source), not by a service.
 */
export interface TerraformStackJson {
  readonly name: string;
  /** Names of the stacks applied before this one. */
  readonly dependsOn: readonly string[];
  readonly json: any;
}

const CLOUD_SQL_KEY_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';
const resourcesOf = (stack: TerraformStackJson, type: string): Array<[string, any]> => Object.entries(stack.json.resource?.[type] ?? {});

export function gcpGrantProblems(
  stacks: readonly TerraformStackJson[],
  projectNumbers: Readonly<Record<string, string>>,
): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const visible = (stack: TerraformStackJson) => [stack, ...stack.dependsOn.map((n) => byName.get(n)!).filter(Boolean)];

  const keyIds = (stack: TerraformStackJson) =>
    resourcesOf(stack, 'google_kms_crypto_key').map(([id, key]) => {
      const ringId = /\$\{google_kms_key_ring\.([^.]+)\.id\}/.exec(key.key_ring)?.[1];
      const ring = ringId && stack.json.resource.google_kms_key_ring[ringId];
      const fullId = ring ? `projects/${ring.project}/locations/${ring.location}/keyRings/${ring.name}/cryptoKeys/${key.name}` : key.key_ring;
      return { stack, logicalId: id, fullId, location: ring?.location };
    });

  for (const stack of stacks) {
    for (const [id, instance] of resourcesOf(stack, 'google_sql_database_instance')) {
      if (!instance.encryption_key_name) continue;
      checked += 1;
      const where = `${stack.name}/${id} (google_sql_database_instance ${instance.name})`;
      const key = visible(stack)
        .flatMap(keyIds)
        .find((k) => k.fullId === instance.encryption_key_name);
      if (!key) {
        problems.push(`${where}: its key ${instance.encryption_key_name} is created in no stack applied before it`);
        continue;
      }
      if (key.location !== instance.region)
        problems.push(`${where}: its key is in ${key.location}, the instance in ${instance.region}: Cloud SQL needs a key in the instance's region`);
      const agent = `serviceAccount:service-${projectNumbers[instance.project]}@gcp-sa-cloud-sql.iam.gserviceaccount.com`;
      const grant = resourcesOf(key.stack, 'google_kms_crypto_key_iam_member').find(
        ([, g]) => g.role === CLOUD_SQL_KEY_ROLE && g.member === agent && g.crypto_key_id === `\${google_kms_crypto_key.${key.logicalId}.id}`,
      );
      if (!grant)
        problems.push(
          `${where} → ${key.stack.name}/${key.logicalId} (google_kms_crypto_key): missing google_kms_crypto_key_iam_member ${CLOUD_SQL_KEY_ROLE} for ${agent}`,
        );
    }
    for (const [id, policy] of resourcesOf(stack, 'google_monitoring_alert_policy')) {
      for (const channel of policy.notification_channels ?? []) {
        checked += 1;
        if (!channelExists(String(channel), stack, byName)) {
          problems.push(`${stack.name}/${id} (google_monitoring_alert_policy): notification channel ${channel} is created in no stack applied before it`);
        }
      }
    }
  }
  return { checked, problems };
}

/** A channel named by reference, in the same stack or through a cross-stack output of a stack this one depends on. */
function channelExists(channel: string, stack: TerraformStackJson, byName: ReadonlyMap<string, TerraformStackJson>): boolean {
  const local = /^\$\{google_monitoring_notification_channel\.([^.]+)\.name\}$/.exec(channel);
  if (local) return resourcesOf(stack, 'google_monitoring_notification_channel').some(([id]) => id === local[1]);
  const remote =
    /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([^.]+)\.outputs\.cross-stack-output-google_monitoring_notification_channel(.+)name\}$/.exec(
      channel,
    );
  if (!remote || !stack.dependsOn.includes(remote[1])) return false;
  const source = byName.get(remote[1]);
  return (
    source !== undefined && resourcesOf(source, 'google_monitoring_notification_channel').some(([id]) => id.replace(/_/g, '') === remote[2].replace(/_/g, ''))
  );
}
