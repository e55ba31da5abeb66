/**
 * Whether CloudWatch alarms can actually deliver to a region's alarm topic: an alarm action only says where a
 * notification goes. The topic policy must let cloudwatch.amazonaws.com sns:Publish (a custom topic policy replaces
 * SNS's default, see docs/operations.md), and when the topic is encrypted its key policy must let the same principal
 * kms:Decrypt and kms:GenerateDataKey* (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html). One row
 * per topic. Pure: the live policies come in as documents.
 */
import type { CheckResult } from '../check-result';
import { evaluateResourcePolicy, PolicyDecision, PolicyRequest } from './resource-policy-evaluator';

export const ALARM_DELIVERY_KIND = 'alarm-topic';
export const CLOUDWATCH_PRINCIPAL = 'cloudwatch.amazonaws.com';
/** What a publisher to an encrypted topic needs of the key (SNS generates and decrypts the data key on its behalf). */
export const KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;

export interface AlarmDeliveryFacts {
  readonly region: string;
  readonly account: string;
  readonly topicArn: string;
  /** Undefined when the topic does not exist. */
  readonly live?: {
    /** The topic policy document (GetTopicAttributes `Policy`). */
    readonly topicPolicy?: string;
    /** `KmsMasterKeyId`; undefined for an unencrypted topic. */
    readonly keyId?: string;
    readonly keyArn?: string;
    /** The key's `default` policy (GetKeyPolicy); undefined when the key cannot be read. */
    readonly keyPolicy?: string;
  };
}

const PLANNED = `${CLOUDWATCH_PRINCIPAL} may sns:Publish, and use the topic's key (${KEY_ACTIONS.join(', ')}*)`;

function describe(decision: PolicyDecision, what: string): string | undefined {
  if (decision.decision === 'allowed') return undefined;
  if (decision.decision === 'denied') return `${what}: denied by ${decision.statement}`;
  return `${what}: no statement allows it${decision.unevaluated.length > 0 ? ` (not evaluated: ${decision.unevaluated.join('; ')})` : ''}`;
}

function evaluate(document: string | undefined, request: PolicyRequest, what: string): { problem?: string; statement?: string } {
  if (!document) return { problem: `${what}: no policy` };
  let decision: PolicyDecision;
  try {
    decision = evaluateResourcePolicy(document, request);
  } catch {
    return { problem: `${what}: the policy is not valid JSON` };
  }
  return decision.decision === 'allowed' ? { statement: decision.statement } : { problem: describe(decision, what) };
}

export function alarmDeliveryChecks({ region, account, topicArn, live }: AlarmDeliveryFacts): CheckResult[] {
  const base = { database: region, kind: ALARM_DELIVERY_KIND, resource: topicArn.split(':').pop() ?? topicArn, check: 'alarm delivery', planned: PLANNED };
  if (!live) return [{ ...base, status: 'fail', live: `topic not found in ${region}` }];
  const partition = topicArn.split(':')[1] ?? 'aws';
  const context = {
    'aws:SourceAccount': account,
    // A policy scoped to alarm ARNs is judged with an alarm of this account and region.
    'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:dbctl-verify`,
    'aws:SecureTransport': 'true',
    // SNS server-side encryption calls KMS with the topic's ARN as encryption context; key statements may require it.
    'kms:EncryptionContext:aws:sns:topicArn': topicArn,
  };
  const request = (action: string, resource: string): PolicyRequest => ({ servicePrincipal: CLOUDWATCH_PRINCIPAL, action, resource, context });
  const results = [evaluate(live.topicPolicy, request('sns:Publish', topicArn), 'sns:Publish in the topic policy')];
  if (live.keyId) {
    if (!live.keyArn) results.push({ problem: `key ${live.keyId} not found` });
    else for (const action of KEY_ACTIONS) results.push(evaluate(live.keyPolicy, request(action, live.keyArn), `${action} in the key policy`));
  }
  const problems = results.flatMap((r) => (r.problem ? [r.problem] : []));
  if (problems.length > 0) return [{ ...base, status: 'fail', live: problems.join('; ') }];
  const [topic, ...key] = results.map((r) => r.statement);
  const keyText = live.keyId ? `key policy ${[...new Set(key)].join(', ')}` : 'topic not encrypted';
  return [{ ...base, status: 'pass', live: `allowed: topic policy ${topic}; ${keyText}` }];
}
