/**
 * What verify compares for the AWS Backup vault of a planned region: it exists, it is encrypted with the region's
 * key (both resolved through KMS), and its Vault Lock has the planned minimum and maximum retention. Pure. These
 * rows belong to a region, not to a database: the report shows the region in the DATABASE column.
 */
import type { DescribeBackupVaultCommandOutput } from '@aws-sdk/client-backup';
import type { AwsRegionPlan } from '../../plan/plan-types';
import { CheckResult, CheckStatus, equalityCheck } from '../check-result';
import { days } from '../report/format';
import { encryptionRow } from './shared-rows';

export const BACKUP_VAULT_KIND = 'backup-vault';

export interface BackupVaultFacts {
  readonly region: AwsRegionPlan;
  /** The region's key alias resolved to its key ARN; undefined when KMS does not know the alias. */
  readonly plannedKeyArn?: string;
  /** Undefined when the vault does not exist. */
  readonly live?: { readonly vault: DescribeBackupVaultCommandOutput; readonly keyArn?: string };
}

type Facts = BackupVaultFacts & { live: NonNullable<BackupVaultFacts['live']> };
type Row = (facts: Facts) => { check: string; status?: CheckStatus; planned: string; live: string };

/** `locked, min 35 days, max 400 days`, `not locked`. */
function describeLock(lock: { min?: number; max?: number } | undefined): string {
  if (!lock) return 'not locked';
  return ['locked', ...(lock.min !== undefined ? [`min ${days(lock.min)}`] : []), ...(lock.max !== undefined ? [`max ${days(lock.max)}`] : [])].join(', ');
}

export const BACKUP_VAULT_ROWS: readonly Row[] = [
  ({ region, plannedKeyArn, live }) => ({
    check: 'encryption',
    ...encryptionRow({
      plannedKey: `${region.keyAlias} in ${region.region}`,
      keyAlias: region.keyAlias,
      plannedKeyArn,
      // Every backup vault is encrypted: with the key it names, or AWS Backup's own.
      encrypted: true,
      liveKeyId: live.vault.EncryptionKeyArn,
      liveKeyArn: live.keyArn,
    }),
  }),
  ({ region, live }) => {
    const lock = region.backupVault.lock;
    return {
      check: 'vault lock',
      planned: describeLock(lock && { min: lock.minRetentionDays, max: lock.maxRetentionDays }),
      live: describeLock(live.vault.Locked ? { min: live.vault.MinRetentionDays, max: live.vault.MaxRetentionDays } : undefined),
    };
  },
];

export function backupVaultChecks(facts: BackupVaultFacts): CheckResult[] {
  const { region, live } = facts;
  const base = { database: region.region, kind: BACKUP_VAULT_KIND, resource: region.backupVault.name };
  if (!live) return [{ ...base, check: 'backup vault', status: 'fail', planned: `vault in ${region.region}`, live: `not found in ${region.region}` }];
  return [
    { ...base, check: 'backup vault', status: 'pass', planned: `vault in ${region.region}`, live: live.vault.BackupVaultArn ?? region.backupVault.name },
    ...BACKUP_VAULT_ROWS.map((row) => {
      const { status, ...values } = row({ ...facts, live });
      return status ? { ...base, ...values, status } : equalityCheck({ ...base, ...values });
    }),
  ];
}
