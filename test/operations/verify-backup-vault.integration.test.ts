/**
 * dbctl verify of each planned region's AWS Backup vault against moto_server (moto 5.2.1 has vaults, their key and
 * Vault Lock): rows of a per-region section, after the databases, in a whole-environment verify only.
 */
import { CreateBackupVaultCommand, DeleteBackupVaultCommand, DeleteBackupVaultLockConfigurationCommand } from '@aws-sdk/client-backup';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import type { CheckResult } from '../../lib/operations/check-result';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { backupClient, ENVIRONMENT, kmsClient, seedRdsInstance } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

describeMoto('dbctl verify of the AWS Backup vaults against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;

  beforeEach(async () => {
    await seedRdsInstance(endpoint(), sample.db, sample.network);
  });

  async function vaultRows(...args: string[]) {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--endpoint-url', endpoint(), '--json', ...args], { configDir: sample.configDir });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    const vault = checks
      .filter((c) => c.kind === 'backup-vault')
      .map(({ database, resource, check, status, planned, live }) => ({ database, resource, check, status, planned, live }));
    return { run, vault, failed: checks.filter((c) => c.status === 'fail') };
  }

  test("GIVEN each region's vault encrypted with its key and locked as planned WHEN verify runs THEN its rows pass, region by region", async () => {
    const { run, vault } = await vaultRows();

    expect(run.code).toBe(0);
    const lock = sample.plan.aws!.regions[0].backupVault.lock!;
    expect(vault.map((r) => `${r.database} ${r.resource} ${r.check}: ${r.planned} | ${r.status}`)).toEqual([
      'eu-west-1 sample-databases backup vault: vault in eu-west-1 | pass',
      'eu-west-1 sample-databases encryption: alias/sample-databases in eu-west-1 | pass',
      `eu-west-1 sample-databases vault lock: locked, min ${lock.minRetentionDays} days${lock.maxRetentionDays ? `, max ${lock.maxRetentionDays} days` : ''} | pass`,
      'eu-central-1 sample-databases backup vault: vault in eu-central-1 | pass',
      'eu-central-1 sample-databases encryption: alias/sample-databases in eu-central-1 | pass',
      `eu-central-1 sample-databases vault lock: locked, min ${lock.minRetentionDays} days${lock.maxRetentionDays ? `, max ${lock.maxRetentionDays} days` : ''} | pass`,
    ]);
  });

  test('GIVEN the eu-central-1 vault missing and the eu-west-1 vault on another key without its lock WHEN verify runs THEN each is a FAIL row, exit 1', async () => {
    const west = backupClient(endpoint(), 'eu-west-1');
    await west.send(new DeleteBackupVaultLockConfigurationCommand({ BackupVaultName: 'sample-databases' }));
    await west.send(new DeleteBackupVaultCommand({ BackupVaultName: 'sample-databases' }));
    const other = await kmsClient(endpoint(), 'eu-west-1').send(new CreateKeyCommand({ Description: 'not the region key' }));
    await west.send(new CreateBackupVaultCommand({ BackupVaultName: 'sample-databases', EncryptionKeyArn: other.KeyMetadata!.Arn }));
    await backupClient(endpoint(), 'eu-central-1').send(new DeleteBackupVaultLockConfigurationCommand({ BackupVaultName: 'sample-databases' }));
    await backupClient(endpoint(), 'eu-central-1').send(new DeleteBackupVaultCommand({ BackupVaultName: 'sample-databases' }));

    const { run, failed } = await vaultRows();

    expect(run.code).toBe(1);
    expect(failed.map(({ database, check, planned, live }) => ({ database, check, planned, live }))).toEqual([
      {
        database: 'eu-west-1',
        check: 'encryption',
        planned: expect.stringMatching(/^alias\/sample-databases in eu-west-1 \(key\//),
        live: `key/${other.KeyMetadata!.KeyId}`,
      },
      { database: 'eu-west-1', check: 'vault lock', planned: expect.stringMatching(/^locked, min /), live: 'not locked' },
      { database: 'eu-central-1', check: 'backup vault', planned: 'vault in eu-central-1', live: 'not found in eu-central-1' },
    ]);
  });

  test('GIVEN --database WHEN verify runs THEN it checks that database only: no region rows', async () => {
    const { run, vault } = await vaultRows('--database', 'orders');

    expect(run.code).toBe(0);
    expect(vault).toEqual([]);
  });
});
