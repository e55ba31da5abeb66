/**
 * Reads a DynamoDB table in one region: DescribeTable (keys, status, encryption, deletion protection, the global
 * table's replicas) and DescribeContinuousBackups (point-in-time recovery and its recovery period). A replica of a
 * global table (version 2019.11.21) is a table of the same name in its region, so each region is read there.
 * ListTagsOfResource reads a table's tags (DescribeTable does not report them).
 */
import {
  ContinuousBackupsDescription,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTagsOfResourceCommand,
  TableDescription,
  Tag,
} from '@aws-sdk/client-dynamodb';
import { awsCall } from '../aws/aws-call';
import type { AwsClients } from '../aws/aws-clients';
import type { KeyResolver } from '../aws/kms-keys';

export interface DynamodbTableLive {
  readonly region: string;
  readonly table: TableDescription;
  /** The key ARN behind the table's KMS key; undefined with the AWS owned key or when KMS does not know it. */
  readonly keyArn?: string;
  /** Undefined when the table disappeared between the two calls. */
  readonly backups?: ContinuousBackupsDescription;
}

export async function describeTable(clients: AwsClients, region: string, tableName: string): Promise<TableDescription | undefined> {
  return awsCall(
    { action: 'dynamodb:DescribeTable', region, resource: tableName, endpoint: clients.endpointUrl },
    async () => (await clients.dynamodb(region).send(new DescribeTableCommand({ TableName: tableName }))).Table,
    () => undefined,
  );
}

export async function describeContinuousBackups(clients: AwsClients, region: string, tableName: string): Promise<ContinuousBackupsDescription | undefined> {
  return awsCall(
    { action: 'dynamodb:DescribeContinuousBackups', region, resource: tableName, endpoint: clients.endpointUrl },
    async () => (await clients.dynamodb(region).send(new DescribeContinuousBackupsCommand({ TableName: tableName }))).ContinuousBackupsDescription,
    () => undefined,
  );
}

export async function readDynamodbTable(clients: AwsClients, keys: KeyResolver, region: string, tableName: string): Promise<DynamodbTableLive | undefined> {
  const table = await describeTable(clients, region, tableName);
  if (!table) return undefined;
  const kmsKey = table.SSEDescription?.KMSMasterKeyArn;
  const [keyArn, backups] = await Promise.all([
    kmsKey ? keys.keyArn(region, kmsKey) : Promise.resolve(undefined),
    describeContinuousBackups(clients, region, tableName),
  ]);
  return { region, table, keyArn, backups };
}

/** Every tag of the table (ListTagsOfResource pages with NextToken); undefined when the table is gone. */
export async function listTableTags(clients: AwsClients, region: string, tableArn: string): Promise<Tag[] | undefined> {
  return awsCall(
    { action: 'dynamodb:ListTagsOfResource', region, resource: tableArn, endpoint: clients.endpointUrl },
    async () => {
      const tags: Tag[] = [];
      let NextToken: string | undefined;
      do {
        const page = await clients.dynamodb(region).send(new ListTagsOfResourceCommand({ ResourceArn: tableArn, NextToken }));
        tags.push(...(page.Tags ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      return tags;
    },
    () => undefined,
  );
}
