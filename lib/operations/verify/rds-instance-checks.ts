/**
 * What verify compares for an RDS instance, as a table of rows: each row reads the plan and the live facts and gives
 * the planned value, the live value and the verdict. Pure, so every edge case is a unit test. A new setting to
 * check is a new row; a new database kind gets its own table like this one.
 */
import type { AwsNetwork } from '../../../config/schema/aws';
import type { RdsInstancePlan } from '../../plan/plan-types';
import { CheckResult, CheckStatus, equalityCheck } from '../check-result';
import { days, onOff } from '../report/format';
import type { RdsInstanceLive } from './rds-instance-live';
import { encryptionRow, latestRestorableRow, restoreWindowRow } from './shared-rows';

export const RDS_INSTANCE_KIND = 'rds-instance';

export interface RdsInstanceFacts {
  readonly plan: RdsInstancePlan;
  /** The network of the database's region in the plan. */
  readonly network?: AwsNetwork;
  /** The planned key alias resolved to its key ARN; undefined when KMS does not know the alias. */
  readonly plannedKeyArn?: string;
  /** Undefined when the instance does not exist. */
  readonly live?: RdsInstanceLive;
  readonly now: Date;
}

/** Statuses of an instance that is up and serving; anything else fails the status check. */
export const HEALTHY_RDS_STATUSES: readonly string[] = ['available', 'backing-up'];

type Row = (facts: RdsInstanceFacts & { live: RdsInstanceLive }) => { check: string; status?: CheckStatus; planned: string; live: string };

/** The rows, in report order. Without `status` a row passes when planned and live read the same. */
export const RDS_INSTANCE_ROWS: readonly Row[] = [
  ({ live }) => {
    const status = live.instance.DBInstanceStatus ?? 'unknown';
    return { check: 'status', status: HEALTHY_RDS_STATUSES.includes(status) ? 'pass' : 'fail', planned: 'available', live: status };
  },
  ({ plan, live }) => ({ check: 'account', planned: plan.account, live: arnAccount(live.instance.DBInstanceArn) ?? 'unknown' }),
  ({ plan, live }) => ({ check: 'engine', planned: plan.engine, live: live.instance.Engine ?? 'unknown' }),
  ({ plan, live }) => ({ check: 'engine version', planned: plan.engineVersion, live: live.instance.EngineVersion ?? 'unknown' }),
  ({ plan, live }) => ({ check: 'instance class', planned: plan.instanceClass, live: live.instance.DBInstanceClass ?? 'unknown' }),
  (facts) => ({ check: 'encryption', ...encryption(facts) }),
  ({ plan, live }) => ({ check: 'backup retention', planned: days(plan.recovery.backupRetentionDays), live: days(live.instance.BackupRetentionPeriod ?? 0) }),
  (facts) => ({ check: 'point-in-time recovery', ...pointInTimeRecovery(facts) }),
  (facts) => ({ check: 'restore window', ...restoreWindow(facts) }),
  ({ plan, live }) => ({ check: 'deletion protection', planned: onOff(plan.deletionProtection), live: onOff(live.instance.DeletionProtection) }),
  ({ plan, live }) => ({ check: 'multi-az', planned: onOff(plan.multiAz), live: onOff(live.instance.MultiAZ) }),
  ({ network, live }) => ({ check: 'vpc', ...vpc(network, live) }),
  ({ network, live }) => ({ check: 'subnets', ...subnets(network, live) }),
];

export function rdsInstanceChecks(facts: RdsInstanceFacts): CheckResult[] {
  const base = { database: facts.plan.name, kind: RDS_INSTANCE_KIND, resource: facts.plan.identifier };
  const { live } = facts;
  if (!live) {
    return [
      {
        ...base,
        check: 'exists',
        status: 'fail',
        planned: `DB instance in ${facts.plan.region}`,
        live: `not found in ${facts.plan.region}`,
      },
    ];
  }
  return RDS_INSTANCE_ROWS.map((row) => {
    const { status, ...values } = row({ ...facts, live });
    return status ? { ...base, ...values, status } : equalityCheck({ ...base, ...values });
  });
}

/** The account of an ARN (`arn:aws:rds:eu-west-1:123456789012:db:x` → `123456789012`). */
export function arnAccount(arn: string | undefined): string | undefined {
  return arn?.split(':')[4] || undefined;
}

function encryption({ plan, plannedKeyArn, live }: RdsInstanceFacts & { live: RdsInstanceLive }) {
  const { instance, keyArn } = live;
  return encryptionRow({
    plannedKey: plan.keyAlias,
    keyAlias: plan.keyAlias,
    plannedKeyArn,
    encrypted: instance.StorageEncrypted,
    liveKeyId: instance.KmsKeyId,
    liveKeyArn: keyArn,
  });
}

function pointInTimeRecovery({ plan, live, now }: RdsInstanceFacts & { live: RdsInstanceLive }) {
  const rpo = plan.recovery.rpoMinutes;
  if (!plan.recovery.pointInTimeRecovery || rpo === undefined) {
    return { planned: 'off', live: live.instance.BackupRetentionPeriod ? 'on' : 'off' };
  }
  return latestRestorableRow(rpo, live.instance.LatestRestorableTime, now);
}

function restoreWindow({ plan, live, now }: RdsInstanceFacts & { live: RdsInstanceLive }) {
  const windowDays = plan.recovery.restorableWindowDays;
  if (windowDays === 0) return { planned: 'none', live: live.automatedBackup ? 'automated backups present' : 'none' };
  if (!live.automatedBackup) return { status: 'fail' as const, planned: days(windowDays), live: 'no automated backups' };
  // A young instance cannot have a full window yet: expect it to reach back to its creation.
  return restoreWindowRow(windowDays, live.automatedBackup.RestoreWindow?.EarliestTime, live.instance.InstanceCreateTime, now);
}

function vpc(network: AwsNetwork | undefined, live: RdsInstanceLive) {
  const liveVpc = live.instance.DBSubnetGroup?.VpcId ?? 'no subnet group';
  if (network?.type !== 'existing') {
    return { status: 'skip' as const, planned: 'isolated VPC of the foundation stack', live: `${liveVpc} (id not in the plan)` };
  }
  return { planned: network.vpcId, live: liveVpc };
}

function subnets(network: AwsNetwork | undefined, live: RdsInstanceLive) {
  const liveSubnets = (live.instance.DBSubnetGroup?.Subnets ?? []).map((s) => s.SubnetIdentifier ?? '').filter(Boolean);
  if (network?.type !== 'existing') {
    return { status: 'skip' as const, planned: 'isolated subnets of the foundation stack', live: `${liveSubnets.length} subnets (ids not in the plan)` };
  }
  const planned = network.privateSubnetIds;
  const extra = liveSubnets.filter((s) => !planned.includes(s));
  const missing = planned.filter((s) => !liveSubnets.includes(s));
  const differences = [...extra.map((s) => `unplanned ${s}`), ...missing.map((s) => `missing ${s}`)];
  return {
    status: differences.length === 0 ? ('pass' as const) : ('fail' as const),
    planned: `${planned.length} private subnets`,
    live: differences.length === 0 ? `${liveSubnets.length} private subnets` : differences.join(', '),
  };
}
