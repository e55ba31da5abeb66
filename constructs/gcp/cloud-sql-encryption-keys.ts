/**
 * Customer-managed encryption keys for Cloud SQL: one key ring and key per region, each usable by the project's
 * Cloud SQL service agent. A Cloud SQL instance can only use a key in its own region, so every region that holds an
 * instance (or, later, a cross-region replica) needs its own key.
 */
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { DatabaseValidationError } from '../common/database-validation-error';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';
import type { PathProblem } from '../common/path-problem';

/** Cloud KMS refuses rotation periods shorter than one day. */
const MIN_ROTATION_SECONDS = 24 * 3600;
const DEFAULT_ROTATION_PERIOD = CLOUD_SQL_DEFAULTS.keyRotationPeriod;
const SERVICE_AGENT_PATTERN = /^service-\d+@gcp-sa-cloud-sql\.iam\.gserviceaccount\.com$/;
const ANY_SERVICE_AGENT_PATTERN = /^service-\d+@[a-z0-9-]+\.iam\.gserviceaccount\.com$/;
const KMS_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,63}$/;
export const CLOUD_SQL_KEY_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

export interface CloudSqlRegionKey {
  /** Region of the key ring, e.g. `europe-west1`; instances in this region use this key. */
  readonly region: string;
  /** Key ring name (1–63 of `[a-zA-Z0-9_-]`). Key rings can never be deleted, so pick a stable name. */
  readonly keyRingName: string;
  /** Key name (1–63 of `[a-zA-Z0-9_-]`). */
  readonly keyName: string;
  /**
   * Automatic rotation period, in seconds with an `s` suffix; at least one day.
   * @default '7776000s' (90 days)
   */
  readonly rotationPeriod?: string;
}

/** A Google service agent that encrypts with the keys. */
export interface KeyServiceAgent {
  /** Construct id of its grant in each region (letters and digits, starting with a letter). */
  readonly id: string;
  /** `service-<project number>@<service>.iam.gserviceaccount.com`. */
  readonly serviceAgent: string;
}

export interface CloudSqlEncryptionKeysProps {
  readonly project: string;
  /** One entry per region; regions must be unique. */
  readonly keys: readonly CloudSqlRegionKey[];
  /**
   * Email of the project's Cloud SQL service agent,
   * `service-<project number>@gcp-sa-cloud-sql.iam.gserviceaccount.com`; it is granted use of every key.
   */
  readonly cloudSqlServiceAgent: string;
  /**
   * Other services' agents granted use of every key, each under its own construct id: e.g. Memorystore for Redis,
   * `{ id: 'MemorystoreServiceAgent', serviceAgent: 'service-<project number>@cloud-redis.iam.gserviceaccount.com' }`
   * ("Use customer-managed encryption keys", Memorystore for Redis: its agent needs cryptoKeyEncrypterDecrypter).
   * @default []
   */
  readonly otherServiceAgents?: readonly KeyServiceAgent[];
  /**
   * Adds `lifecycle.prevent_destroy` to the keys: destroying a key makes every backup encrypted with it unreadable.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Labels for the keys.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

export class CloudSqlEncryptionKeys extends Construct {
  /** Full key ids (`projects/…/cryptoKeys/…`) by region, as Terraform references. */
  readonly keyIds: Readonly<Record<string, string>>;
  readonly cryptoKeys: Readonly<Record<string, KmsCryptoKey>>;

  constructor(scope: Construct, id: string, props: CloudSqlEncryptionKeysProps) {
    super(scope, id);
    const keyIds: Record<string, string> = {};
    const cryptoKeys: Record<string, KmsCryptoKey> = {};
    // Thrown before any key exists: a second key of a region would collide with the first's constructs.
    const problems = keyProblems(props);
    if (problems.length > 0) throw new DatabaseValidationError('CloudSqlEncryptionKeys', this.node.path, problems);
    for (const key of props.keys) {
      // The region names the construct (not the list position), so reordering regions changes nothing.
      const scopeForRegion = new Construct(this, key.region);
      const ring = new KmsKeyRing(scopeForRegion, 'KeyRing', {
        project: props.project,
        name: key.keyRingName,
        location: key.region,
      });
      const cryptoKey = new KmsCryptoKey(scopeForRegion, 'Key', {
        name: key.keyName,
        keyRing: ring.id,
        purpose: 'ENCRYPT_DECRYPT',
        rotationPeriod: key.rotationPeriod ?? DEFAULT_ROTATION_PERIOD,
        labels: props.labels && { ...props.labels },
        lifecycle: (props.preventDestroy ?? CLOUD_SQL_DEFAULTS.preventDestroy) ? { preventDestroy: true } : undefined,
      });
      new KmsCryptoKeyIamMember(scopeForRegion, 'CloudSqlServiceAgent', {
        cryptoKeyId: cryptoKey.id,
        role: CLOUD_SQL_KEY_ROLE,
        member: `serviceAccount:${props.cloudSqlServiceAgent}`,
      });
      for (const agent of props.otherServiceAgents ?? []) {
        new KmsCryptoKeyIamMember(scopeForRegion, agent.id, {
          cryptoKeyId: cryptoKey.id,
          role: CLOUD_SQL_KEY_ROLE,
          member: `serviceAccount:${agent.serviceAgent}`,
        });
      }
      keyIds[key.region] = cryptoKey.id;
      cryptoKeys[key.region] = cryptoKey;
    }
    this.keyIds = keyIds;
    this.cryptoKeys = cryptoKeys;
  }

  /** The key id for `region`; throws when the region has no key. */
  keyIdFor(region: string): string {
    const keyId = this.keyIds[region];
    if (!keyId) throw new Error(`No Cloud SQL key for region '${region}' (keys exist for: ${Object.keys(this.keyIds).join(', ')})`);
    return keyId;
  }
}

function keyProblems(props: CloudSqlEncryptionKeysProps): PathProblem[] {
  const problems: PathProblem[] = [];
  if (props.keys.length === 0)
    problems.push({ path: ['keys'], value: [], message: 'needs at least one key', fix: 'add a key for each region that holds an instance' });
  if (!Token.isUnresolved(props.cloudSqlServiceAgent) && !SERVICE_AGENT_PATTERN.test(props.cloudSqlServiceAgent)) {
    problems.push({
      path: ['cloudSqlServiceAgent'],
      value: props.cloudSqlServiceAgent,
      message: 'is not a Cloud SQL service agent; expected service-<project number>@gcp-sa-cloud-sql.iam.gserviceaccount.com',
      fix: "use the project's Cloud SQL service agent",
    });
  }
  (props.otherServiceAgents ?? []).forEach((agent, index) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(agent.id) || agent.id === 'KeyRing' || agent.id === 'Key' || agent.id === 'CloudSqlServiceAgent') {
      problems.push({
        path: ['otherServiceAgents', index, 'id'],
        value: agent.id,
        message: 'must be letters and digits, start with a letter, and not be KeyRing, Key or CloudSqlServiceAgent (ids taken in each region)',
        fix: 'name the grant after its service, e.g. MemorystoreServiceAgent',
      });
    }
    if (!Token.isUnresolved(agent.serviceAgent) && !ANY_SERVICE_AGENT_PATTERN.test(agent.serviceAgent)) {
      problems.push({
        path: ['otherServiceAgents', index, 'serviceAgent'],
        value: agent.serviceAgent,
        message: 'is not a service agent; expected service-<project number>@<service>.iam.gserviceaccount.com',
        fix: "use the project's service agent of that service",
      });
    }
  });
  props.keys.forEach((key, index) => {
    if (props.keys.findIndex((k) => k.region === key.region) !== index) {
      problems.push({ path: ['keys', index, 'region'], value: key.region, message: 'has more than one key', fix: 'give each region one key' });
    }
    for (const [field, name] of [
      ['keyRingName', key.keyRingName],
      ['keyName', key.keyName],
    ] as const) {
      if (!Token.isUnresolved(name) && !KMS_NAME_PATTERN.test(name)) {
        problems.push({ path: ['keys', index, field], value: name, message: "must be 1–63 letters, digits, '_' or '-'", fix: 'rename it' });
      }
    }
    const rotation = key.rotationPeriod;
    if (rotation !== undefined && !Token.isUnresolved(rotation)) {
      const match = /^(\d+)s$/.exec(rotation);
      if (!match || Number(match[1]) < MIN_ROTATION_SECONDS) {
        problems.push({
          path: ['keys', index, 'rotationPeriod'],
          value: rotation,
          message: `must be seconds with an 's' suffix, at least '${MIN_ROTATION_SECONDS}s' (one day)`,
          fix: `write it in seconds, e.g. '${DEFAULT_ROTATION_PERIOD}' (90 days)`,
        });
      }
    }
  });
  return problems;
}
