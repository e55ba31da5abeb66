/**
 * moto 5.2.1 has no DynamoDB global tables: DescribeTable never reports `Replicas`. This tap on the real SDK client
 * adds to the primary's DescribeTable answer what AWS would report: a replica, ACTIVE, for each region in `regions`
 * where moto holds the table of the same name (how the tests create a replica). Everything else is moto's answer.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { AwsClientOptions, AwsClients, createAwsClients } from '../../../lib/operations/aws/aws-clients';
import { dynamodbClient } from './sample-account';

export function withGlobalTableReplicas(endpoint: string, primaryRegion: string, regions: readonly string[]): (options: AwsClientOptions) => AwsClients {
  const existsIn = async (tableName: string, region: string) => {
    try {
      await dynamodbClient(endpoint, region).send(new DescribeTableCommand({ TableName: tableName }));
      return true;
    } catch {
      return false;
    }
  };
  return (options) => {
    const clients = createAwsClients(options);
    const tapped = new Set<unknown>();
    return {
      ...clients,
      dynamodb: (region) => {
        const client = clients.dynamodb(region);
        if (region === primaryRegion && !tapped.has(client)) {
          tapped.add(client);
          client.middlewareStack.add(
            (next, context) => async (args) => {
              const result: any = await next(args);
              const table = result.output?.Table;
              if (context.commandName === 'DescribeTableCommand' && table && !table.Replicas) {
                const present = [];
                for (const replicaRegion of regions) if (await existsIn(table.TableName, replicaRegion)) present.push(replicaRegion);
                if (present.length > 0) {
                  table.GlobalTableVersion = '2019.11.21';
                  table.Replicas = present.map((RegionName) => ({ RegionName, ReplicaStatus: 'ACTIVE' }));
                }
              }
              return result;
            },
            { step: 'initialize', name: 'globalTableTap' },
          );
        }
        return client;
      },
    };
  };
}
