/**
 * A small evaluator of resource policies (an SNS topic policy, a KMS key policy) for one question: may this AWS
 * service principal perform these actions on this resource? It follows the IAM evaluation logic for a single
 * resource policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny wins, else an Allow is needed; a statement applies when its principal, action, resource and every
 * condition match. Conditions it cannot evaluate make an Allow not count and a Deny count, so the answer errs
 * towards "not allowed" and says why. Pure. (dbctl ships: an AGPL simulator cannot be used here.)
 */

export interface PolicyRequest {
  /** `cloudwatch.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** `sns:Publish`; each is evaluated on its own. */
  readonly action: string;
  readonly resource: string;
  /** Request context keys (`aws:SourceAccount`, `aws:SourceArn`, `aws:SecureTransport`…), compared case-insensitively by name. */
  readonly context: Readonly<Record<string, string>>;
}

export type PolicyDecision =
  | { readonly decision: 'allowed'; readonly statement: string }
  | { readonly decision: 'denied'; readonly statement: string }
  | { readonly decision: 'not allowed'; readonly unevaluated: readonly string[] };

interface Statement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** IAM wildcards: `*` any run, `?` one character; `caseless` for actions. */
function wildcardMatch(pattern: string, value: string, caseless = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseless ? 'i' : '').test(value);
}

function principalMatches(principal: unknown, service: string): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  const p = principal as Record<string, string | string[]>;
  return list(p.Service).includes(service) || list(p.AWS).includes('*');
}

type ConditionResult = 'match' | 'no match' | { unevaluated: string };

/** One condition operator over its keys; every key must match (AND), any value of a key may (OR). */
function conditionMatches(operator: string, keys: Record<string, string | string[] | boolean>, context: PolicyRequest['context']): ConditionResult {
  const ifExists = operator.endsWith('IfExists');
  const base = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  const compare = COMPARATORS[base];
  if (!compare) return { unevaluated: `condition ${operator}` };
  for (const [key, expected] of Object.entries(keys)) {
    const actual = lookup(context, key);
    if (actual === undefined) {
      if (ifExists || base === 'Null') {
        if (base === 'Null' && String(expected) !== 'true') return 'no match';
        continue;
      }
      // A key the request does not carry: a positive operator fails, a negated one (StringNotEquals…) matches.
      if (base.includes('Not')) continue;
      return 'no match';
    }
    if (base === 'Null') {
      if (String(expected) === 'true') return 'no match';
      continue;
    }
    const values = list(expected as string | string[]).map(String);
    if (!compare(values, actual)) return 'no match';
  }
  return 'match';
}

const anyOf = (test: (expected: string, actual: string) => boolean) => (values: string[], actual: string) => values.some((v) => test(v, actual));
const noneOf = (test: (expected: string, actual: string) => boolean) => (values: string[], actual: string) => !values.some((v) => test(v, actual));
const COMPARATORS: Readonly<Record<string, (values: string[], actual: string) => boolean>> = {
  StringEquals: anyOf((e, a) => e === a),
  StringNotEquals: noneOf((e, a) => e === a),
  StringEqualsIgnoreCase: anyOf((e, a) => e.toLowerCase() === a.toLowerCase()),
  StringNotEqualsIgnoreCase: noneOf((e, a) => e.toLowerCase() === a.toLowerCase()),
  StringLike: anyOf((e, a) => wildcardMatch(e, a)),
  StringNotLike: noneOf((e, a) => wildcardMatch(e, a)),
  ArnEquals: anyOf((e, a) => wildcardMatch(e, a)),
  ArnLike: anyOf((e, a) => wildcardMatch(e, a)),
  ArnNotEquals: noneOf((e, a) => wildcardMatch(e, a)),
  ArnNotLike: noneOf((e, a) => wildcardMatch(e, a)),
  Bool: anyOf((e, a) => e.toLowerCase() === a.toLowerCase()),
  Null: () => true,
};

function lookup(context: PolicyRequest['context'], key: string): string | undefined {
  const found = Object.keys(context).find((name) => name.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : context[found];
}

/** Whether the statement applies to the request; `unevaluated` when a part of it could not be judged. */
function applies(statement: Statement, request: PolicyRequest): ConditionResult {
  if (statement.NotPrincipal !== undefined) return { unevaluated: 'NotPrincipal' };
  if (!principalMatches(statement.Principal, request.servicePrincipal)) return 'no match';
  const actionOk =
    statement.NotAction !== undefined
      ? !list(statement.NotAction).some((a) => wildcardMatch(a, request.action, true))
      : list(statement.Action).some((a) => wildcardMatch(a, request.action, true));
  if (!actionOk) return 'no match';
  const resourceOk =
    statement.NotResource !== undefined
      ? !list(statement.NotResource).some((r) => wildcardMatch(r, request.resource))
      : list(statement.Resource).some((r) => wildcardMatch(r, request.resource));
  if (!resourceOk) return 'no match';
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    const result = conditionMatches(operator, keys, request.context);
    if (result !== 'match') return result;
  }
  return 'match';
}

/** Throws a SyntaxError for a document that is not JSON: the caller reports it. */
export function evaluateResourcePolicy(document: string, request: PolicyRequest): PolicyDecision {
  const policy = JSON.parse(document) as { Statement?: Statement | Statement[] };
  const statements = list(policy.Statement);
  const name = (s: Statement, i: number) => s.Sid || `statement ${i + 1}`;
  const unevaluated: string[] = [];
  // Deny first: an explicit deny wins over any allow; a deny we cannot judge counts (the safe side).
  for (const [i, s] of statements.entries()) {
    if (s.Effect !== 'Deny') continue;
    const result = applies(s, request);
    if (result === 'match' || typeof result === 'object')
      return { decision: 'denied', statement: typeof result === 'object' ? `${name(s, i)} (${result.unevaluated} not evaluated)` : name(s, i) };
  }
  for (const [i, s] of statements.entries()) {
    if (s.Effect !== 'Allow') continue;
    const result = applies(s, request);
    if (result === 'match') return { decision: 'allowed', statement: name(s, i) };
    if (typeof result === 'object') unevaluated.push(`${name(s, i)}: ${result.unevaluated}`);
  }
  return { decision: 'not allowed', unevaluated };
}
