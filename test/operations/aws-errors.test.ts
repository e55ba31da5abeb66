import { createAwsClients } from '../../lib/operations/aws/aws-clients';
import { describeAwsError, isNotFound } from '../../lib/operations/aws/aws-errors';

const context = { action: 'rds:DescribeDBInstances', region: 'eu-west-1', resource: 'prod-orders' };
const sdkError = (name: string, message = 'message from the service', attempts = 1) => Object.assign(new Error(message), { name, $metadata: { attempts } });

describe('AWS errors as operator messages', () => {
  test('GIVEN AccessDenied THEN the message names the call, the resource, the region and the permission', () => {
    const error = describeAwsError(sdkError('AccessDenied', 'User: arn:aws:iam::1:user/x is not authorized'), context);
    expect(error.kind).toBe('access');
    expect(error.message).toBe(
      'Access denied: rds:DescribeDBInstances on prod-orders in eu-west-1 (AccessDenied). The credentials in use need rds:DescribeDBInstances; see docs/operations.md, "Permissions".',
    );
  });

  test.each(['InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'SignatureDoesNotMatch'])(
    'GIVEN %s THEN the credentials (or a region not enabled) are named',
    (name) => {
      expect(describeAwsError(sdkError(name), context).message).toBe(
        `AWS rejected the credentials for rds:DescribeDBInstances on prod-orders in eu-west-1 (${name}). Check AWS_PROFILE or the AWS_ACCESS_KEY_ID in use, refresh an expired session (aws sso login), and check that eu-west-1 is enabled for the account.`,
      );
    },
  );

  test('GIVEN no credentials at all THEN it says how to provide them', () => {
    expect(describeAwsError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), context).message).toBe(
      'No AWS credentials found. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or log in with aws sso login.',
    );
  });

  test('GIVEN throttling after every retry THEN it says so with the attempts', () => {
    expect(describeAwsError(sdkError('ThrottlingException', 'Rate exceeded', 6), context).message).toBe(
      'AWS kept throttling rds:DescribeDBInstances on prod-orders in eu-west-1 after 6 attempts (ThrottlingException). Try again later, or raise AWS_MAX_ATTEMPTS.',
    );
  });

  test('GIVEN a refused connection to --endpoint-url THEN the endpoint is named', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 2 } });
    expect(describeAwsError(refused, { ...context, endpoint: 'http://127.0.0.1:1' }).message).toBe(
      'Could not reach the endpoint http://127.0.0.1:1 for rds:DescribeDBInstances on prod-orders in eu-west-1 (ECONNREFUSED, 2 attempts). Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network.',
    );
  });

  test('GIVEN another service error THEN it is a service error with the first line of its message only', () => {
    const error = describeAwsError(sdkError('InvalidParameterCombination', 'Cannot do that.\nstack and request details'), context);
    expect(error.kind).toBe('service');
    expect(error.message).toBe('rds:DescribeDBInstances on prod-orders in eu-west-1 failed: InvalidParameterCombination: Cannot do that.');
  });

  test.each([
    ['DBInstanceNotFoundFault', true],
    ['DBInstanceNotFound', true],
    ['NotFoundException', true],
    ['ResourceNotFoundException', true],
    ['AccessDenied', false],
  ])('GIVEN %s THEN isNotFound is %s', (name, expected) => {
    expect(isNotFound(sdkError(name))).toBe(expected);
  });
});

describe('SDK client settings', () => {
  const saved = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  beforeAll(() => (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'));
  afterAll(() => {
    if (saved === undefined) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    else process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = saved;
  });

  test('GIVEN a client THEN the SDK resolved the adaptive retry strategy and the region of the database', async () => {
    const rds = createAwsClients({}).rds('eu-central-1');
    expect(await rds.config.region()).toBe('eu-central-1');
    expect(((await rds.config.retryStrategy()) as { mode?: string }).mode).toBe('adaptive');
  });
});
