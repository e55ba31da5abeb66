/** Reads what verify needs to know about one live RDS instance: the instance, its key, its automated backups. */
import { DBInstance, DBInstanceAutomatedBackup, paginateDescribeDBInstanceAutomatedBackups, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import { awsCollect } from '../aws/aws-call';
import type { AwsClients } from '../aws/aws-clients';
import type { KeyResolver } from '../aws/kms-keys';

export interface RdsInstanceLive {
  readonly instance: DBInstance;
  /** The key ARN behind `instance.KmsKeyId`; undefined when not encrypted or KMS does not know the key. */
  readonly keyArn?: string;
  /** The instance's active automated backup (its restore window), if RDS reports one. */
  readonly automatedBackup?: DBInstanceAutomatedBackup;
}

export async function describeDbInstance(clients: AwsClients, region: string, identifier: string): Promise<DBInstance | undefined> {
  const instances = await awsCollect(
    { action: 'rds:DescribeDBInstances', region, resource: identifier, endpoint: clients.endpointUrl },
    () => paginateDescribeDBInstances({ client: clients.rds(region) }, { DBInstanceIdentifier: identifier }),
    (page) => page.DBInstances,
    true,
  );
  return instances.find((i) => i.DBInstanceIdentifier === identifier);
}

export async function describeAutomatedBackups(clients: AwsClients, region: string, identifier: string): Promise<DBInstanceAutomatedBackup[]> {
  return awsCollect(
    { action: 'rds:DescribeDBInstanceAutomatedBackups', region, resource: identifier, endpoint: clients.endpointUrl },
    () => paginateDescribeDBInstanceAutomatedBackups({ client: clients.rds(region) }, { DBInstanceIdentifier: identifier }),
    (page) => page.DBInstanceAutomatedBackups,
    true,
  );
}

export async function readRdsInstance(clients: AwsClients, keys: KeyResolver, region: string, identifier: string): Promise<RdsInstanceLive | undefined> {
  const instance = await describeDbInstance(clients, region, identifier);
  if (!instance) return undefined;
  const keyArn = instance.StorageEncrypted && instance.KmsKeyId ? await keys.keyArn(region, instance.KmsKeyId) : undefined;
  const backups = instance.BackupRetentionPeriod ? await describeAutomatedBackups(clients, region, identifier) : [];
  const automatedBackup = backups.find(
    (b) => b.Status === 'active' && (!b.DbiResourceId || !instance.DbiResourceId || b.DbiResourceId === instance.DbiResourceId),
  );
  return { instance, keyArn, automatedBackup };
}
