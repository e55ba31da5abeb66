/** verify of a region's AWS Backup vault: DescribeBackupVault in the region, its key through KMS (backup-vault-checks). */
import { DescribeBackupVaultCommand } from '@aws-sdk/client-backup';
import type { AwsRegionPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { awsCall } from '../aws/aws-call';
import type { OperationsContext } from '../operations-context';
import { backupVaultChecks } from './backup-vault-checks';

export async function verifyBackupVault(region: AwsRegionPlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const name = region.backupVault.name;
  const [vault, plannedKeyArn] = await Promise.all([
    awsCall(
      { action: 'backup:DescribeBackupVault', region: region.region, resource: name, endpoint: ctx.clients.endpointUrl },
      () => ctx.clients.backup(region.region).send(new DescribeBackupVaultCommand({ BackupVaultName: name })),
      () => undefined,
    ),
    ctx.keys.keyArn(region.region, region.keyAliasArn),
  ]);
  const keyArn = vault?.EncryptionKeyArn ? await ctx.keys.keyArn(region.region, vault.EncryptionKeyArn) : undefined;
  return backupVaultChecks({ region, plannedKeyArn, live: vault && { vault, keyArn } });
}
