/**
 * KMS key identities. RDS reports the key ARN it encrypts with, the plan names the key by its alias ARN: both are
 * resolved with kms:DescribeKey to the key ARN before they are compared. Results are cached per run.
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { awsCall } from './aws-call';
import type { AwsClients } from './aws-clients';

export class KeyResolver {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(private readonly clients: AwsClients) {}

  /** The key ARN behind a key id, key ARN, alias name or alias ARN; undefined when KMS does not know it. */
  keyArn(region: string, keyId: string): Promise<string | undefined> {
    const cacheKey = `${region} ${keyId}`;
    if (!this.cache.has(cacheKey)) {
      this.cache.set(
        cacheKey,
        awsCall(
          { action: 'kms:DescribeKey', region, resource: keyId, endpoint: this.clients.endpointUrl },
          async () => (await this.clients.kms(region).send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.Arn,
          () => undefined,
        ),
      );
    }
    return this.cache.get(cacheKey)!;
  }
}

/** `arn:aws:kms:eu-west-1:123456789012:key/1234…` → `key/1234…`: enough to tell keys apart in a table. */
export function shortKeyName(keyArn: string): string {
  const match = /:((?:key|alias)\/.+)$/.exec(keyArn);
  return match ? match[1] : keyArn;
}
