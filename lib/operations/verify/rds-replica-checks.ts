/**
 * What verify compares for an RDS read replica, as a table of rows like rds-instance-checks.ts: present in its
 * region, available, replicating from the planned source, encrypted with its region's key, the planned class and
 * deletion protection. Pure. A replica's alarms (replica lag among them) are checked by alarm-checks.ts.
 */
import type { DBInstance } from '@aws-sdk/client-rds';
import type { RdsReplicaPlan } from '../../plan/plan-types';
import { CheckResult, CheckStatus, equalityCheck } from '../check-result';
import { onOff } from '../report/format';
import { HEALTHY_RDS_STATUSES, RDS_INSTANCE_KIND } from './rds-instance-checks';
import { encryptionRow } from './shared-rows';

export interface RdsReplicaFacts {
  /** The config name of the source database. */
  readonly database: string;
  readonly replica: RdsReplicaPlan;
  /** The replica region's key alias resolved to its key ARN; undefined when KMS does not know the alias. */
  readonly plannedKeyArn?: string;
  /** Undefined when the replica does not exist in its region. */
  readonly live?: { readonly instance: DBInstance; readonly keyArn?: string };
}

type Row = (facts: RdsReplicaFacts & { live: NonNullable<RdsReplicaFacts['live']> }) => {
  check: string;
  status?: CheckStatus;
  planned: string;
  live: string;
};

/** RDS names a same-region source by identifier and a cross-region source by ARN: either names the planned one. */
export function isPlannedSource(replica: RdsReplicaPlan, liveSource: string | undefined): boolean {
  return liveSource === replica.sourceIdentifier || liveSource === replica.sourceArn;
}

export const RDS_REPLICA_ROWS: readonly Row[] = [
  ({ live }) => {
    const status = live.instance.DBInstanceStatus ?? 'unknown';
    return { check: 'replica status', status: HEALTHY_RDS_STATUSES.includes(status) ? 'pass' : 'fail', planned: 'available', live: status };
  },
  ({ replica, live }) => {
    const source = live.instance.ReadReplicaSourceDBInstanceIdentifier;
    return {
      check: 'replicates from',
      status: isPlannedSource(replica, source) ? 'pass' : 'fail',
      planned: replica.crossRegion ? replica.sourceArn : replica.sourceIdentifier,
      live: source ?? 'not a read replica',
    };
  },
  ({ replica, live }) => ({ check: 'engine version', planned: replica.engineVersion, live: live.instance.EngineVersion ?? 'unknown' }),
  ({ replica, live }) => ({ check: 'instance class', planned: replica.instanceClass, live: live.instance.DBInstanceClass ?? 'unknown' }),
  (facts) => ({ check: 'encryption', ...encryption(facts) }),
  ({ replica, live }) => ({ check: 'deletion protection', planned: onOff(replica.deletionProtection), live: onOff(live.instance.DeletionProtection) }),
];

export function rdsReplicaChecks(facts: RdsReplicaFacts): CheckResult[] {
  const { replica, live } = facts;
  const base = { database: facts.database, kind: RDS_INSTANCE_KIND, resource: replica.identifier };
  if (!live) {
    return [{ ...base, check: 'replica exists', status: 'fail', planned: `read replica in ${replica.region}`, live: `not found in ${replica.region}` }];
  }
  return RDS_REPLICA_ROWS.map((row) => {
    const { status, ...values } = row({ ...facts, live });
    return status ? { ...base, ...values, status } : equalityCheck({ ...base, ...values });
  });
}

function encryption({ replica, plannedKeyArn, live }: RdsReplicaFacts & { live: NonNullable<RdsReplicaFacts['live']> }) {
  const { instance, keyArn } = live;
  return encryptionRow({
    plannedKey: `${replica.keyAlias} in ${replica.region}`,
    keyAlias: replica.keyAlias,
    plannedKeyArn,
    encrypted: instance.StorageEncrypted,
    liveKeyId: instance.KmsKeyId,
    liveKeyArn: keyArn,
  });
}
