/**
 * SDK clients for the operations CLI, one per service and region. Credentials come from the SDK's standard chain
 * (environment, AWS_PROFILE / shared config, SSO, web identity, container and instance roles); the region of every
 * call is the database's region from the plan. Throttling is retried with adaptive backoff, each HTTP attempt has an
 * enforced deadline and the run's deadline stops every call in flight (deadline-http-handler.ts), and
 * `--endpoint-url` (or the SDK's own AWS_ENDPOINT_URL) points every client at another endpoint.
 */
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { KMSClient } from '@aws-sdk/client-kms';
import { RDSClient } from '@aws-sdk/client-rds';
import { SNSClient } from '@aws-sdk/client-sns';
import { DeadlineHttpHandler } from './deadline-http-handler';

export interface AwsClientOptions {
  /** `--endpoint-url`; when unset the SDK reads AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) itself. */
  readonly endpointUrl?: string;
  /** Attempts per call including the first (AWS_MAX_ATTEMPTS, checked by cli/environment-settings.ts). */
  readonly maxAttempts?: number;
  /** Time limit of one whole HTTP attempt (connect, headers and body), in milliseconds. */
  readonly attemptTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  /** The signal of the run's current deadline: when it aborts, every call in flight stops. */
  readonly deadline?: () => AbortSignal | undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

export interface AwsClients {
  readonly endpointUrl?: string;
  rds(region: string): RDSClient;
  cloudwatch(region: string): CloudWatchClient;
  kms(region: string): KMSClient;
  dynamodb(region: string): DynamoDBClient;
  backup(region: string): BackupClient;
  sns(region: string): SNSClient;
  elasticache(region: string): ElastiCacheClient;
}

/** The client settings shared by every service. */
export function clientConfig(region: string, options: AwsClientOptions) {
  return {
    region,
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    retryMode: 'adaptive' as const,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: new DeadlineHttpHandler({
      attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
      connectionTimeoutMs: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      deadline: options.deadline,
    }),
  };
}

export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  const cache = new Map<string, unknown>();
  const cached = <T>(key: string, create: () => T): T => {
    if (!cache.has(key)) cache.set(key, create());
    return cache.get(key) as T;
  };
  return {
    endpointUrl: options.endpointUrl ?? process.env.AWS_ENDPOINT_URL,
    rds: (region) => cached(`rds:${region}`, () => new RDSClient(clientConfig(region, options))),
    cloudwatch: (region) => cached(`cloudwatch:${region}`, () => new CloudWatchClient(clientConfig(region, options))),
    kms: (region) => cached(`kms:${region}`, () => new KMSClient(clientConfig(region, options))),
    dynamodb: (region) => cached(`dynamodb:${region}`, () => new DynamoDBClient(clientConfig(region, options))),
    backup: (region) => cached(`backup:${region}`, () => new BackupClient(clientConfig(region, options))),
    sns: (region) => cached(`sns:${region}`, () => new SNSClient(clientConfig(region, options))),
    elasticache: (region) => cached(`elasticache:${region}`, () => new ElastiCacheClient(clientConfig(region, options))),
  };
}
