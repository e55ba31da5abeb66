/** The resource-policy evaluator behind verify's alarm delivery row: one case per rule of the evaluation it implements. */
import { evaluateResourcePolicy, PolicyRequest } from '../../lib/operations/verify/resource-policy-evaluator';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:prod-database-alarms';
const request: PolicyRequest = {
  servicePrincipal: 'cloudwatch.amazonaws.com',
  action: 'sns:Publish',
  resource: TOPIC,
  context: { 'aws:SourceAccount': '123456789012', 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x', 'aws:SecureTransport': 'true' },
};
const allow = (extra: object) => ({
  Sid: 'A',
  Effect: 'Allow',
  Principal: { Service: 'cloudwatch.amazonaws.com' },
  Action: 'sns:Publish',
  Resource: TOPIC,
  ...extra,
});
const evaluate = (...statements: object[]) => evaluateResourcePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), request);

describe('evaluateResourcePolicy', () => {
  test.each([
    ['a matching allow', [allow({})], { decision: 'allowed', statement: 'A' }],
    ['a wildcard action, any case', [allow({ Action: 'SNS:*' })], { decision: 'allowed', statement: 'A' }],
    ['Principal "*"', [allow({ Principal: '*' })], { decision: 'allowed', statement: 'A' }],
    ['another service only', [allow({ Principal: { Service: ['events.amazonaws.com'] } })], { decision: 'not allowed', unevaluated: [] }],
    ['another resource', [allow({ Resource: 'arn:aws:sns:eu-west-1:123456789012:other' })], { decision: 'not allowed', unevaluated: [] }],
    ['NotAction excluding Publish', [allow({ Action: undefined, NotAction: 'sns:Publish' })], { decision: 'not allowed', unevaluated: [] }],
    [
      'a matching SourceAccount condition',
      [allow({ Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } })],
      { decision: 'allowed', statement: 'A' },
    ],
    ['another SourceAccount', [allow({ Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } })], { decision: 'not allowed', unevaluated: [] }],
    [
      'an ArnLike on alarms of the account',
      [allow({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*' } } })],
      { decision: 'allowed', statement: 'A' },
    ],
    ['a key the request lacks', [allow({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })], { decision: 'not allowed', unevaluated: [] }],
    ['the same key with IfExists', [allow({ Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-1' } } })], { decision: 'allowed', statement: 'A' }],
    [
      'an operator it does not know',
      [allow({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } } })],
      { decision: 'not allowed', unevaluated: ['A: condition NumericLessThan'] },
    ],
    [
      'a TLS-only deny next to the allow',
      [
        { Sid: 'D', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: TOPIC, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        allow({}),
      ],
      { decision: 'allowed', statement: 'A' },
    ],
    ['a deny for everyone', [{ Sid: 'D', Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }, allow({})], { decision: 'denied', statement: 'D' }],
    [
      'a deny with NotPrincipal',
      [{ Sid: 'D', Effect: 'Deny', NotPrincipal: { AWS: 'x' }, Action: '*', Resource: '*' }, allow({})],
      { decision: 'denied', statement: 'D (NotPrincipal not evaluated)' },
    ],
    ['an unnamed statement', [allow({ Sid: undefined })], { decision: 'allowed', statement: 'statement 1' }],
  ])('GIVEN %s THEN the decision is exact', (_name, statements, expected) => {
    expect(evaluate(...statements)).toEqual(expected);
  });

  test('GIVEN a document that is not JSON THEN it throws (the row then says so)', () => {
    expect(() => evaluateResourcePolicy('<html>', request)).toThrow(SyntaxError);
  });
});
