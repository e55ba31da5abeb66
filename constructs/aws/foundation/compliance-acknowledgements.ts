/**
 * Why a cdk-nag (or CloudFormation validation) finding on one of our resources is by design. Each acknowledgment is
 * scoped to the resource it is about and carries the reason; a construct adds only those that hold for the settings
 * it was given (a Multi-AZ instance acknowledges nothing about Multi-AZ).
 */
import { CfnResource, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type { IConstruct } from 'constructs';
import type { RdsEngineRow } from '../rds/tables/rds-engine-table';

export function acknowledge(scope: IConstruct, findings: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}

/** A policy that AWS documents as the one to attach, by its managed-policy name. */
export const awsManagedPolicyFinding = (name: string) => `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`;

const DEFAULT_PORT_FINDING = {
  'AwsSolutions-RDS11': "the engine's default port is kept: clients and tools expect it; the security group decides who connects",
};

/** Deletion protection off (by tier or setting), as RDS instances and Aurora clusters report it. */
function deletionProtectionFindings(enabled: boolean): Record<string, string> {
  if (enabled) return {};
  const reason =
    "deletion protection off by the environment's tier or an explicit setting; policy rule deletion-protection requires it in staging and production";
  return { 'AwsSolutions-RDS10': reason, 'HIPAA.Security-RDSInstanceDeletionProtectionEnabled': reason };
}

/** One finding per log type left unexported on purpose. */
function logExportFindings(unexported: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(unexported).map(([logType, reason]) => [`HIPAA.Security-RDSLoggingEnabled[LogExport::${logType}]`, reason]));
}

/** The Enhanced Monitoring role an RDS instance or Aurora cluster L2 creates, when it created one. */
function acknowledgeMonitoringRole(database: IConstruct): void {
  const monitoringRole = database.node.tryFindChild('MonitoringRole');
  if (!monitoringRole) return;
  acknowledge(monitoringRole, {
    [awsManagedPolicyFinding('service-role/AmazonRDSEnhancedMonitoringRole')]:
      'the AWS-managed policy AWS documents for the Enhanced Monitoring role; it only publishes OS metrics',
  });
}

export interface RdsInstanceDesign {
  readonly role: 'primary' | 'replica';
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  /** Log types cdk-nag expects that are not exported, each with why (see unexportedLogTypes). */
  readonly unexportedLogTypes: Readonly<Record<string, string>>;
  readonly fixedAvailabilityZone: boolean;
}

/** The findings an RDS instance of ours carries by design, with their reasons. */
export function acknowledgeRdsInstanceDesign(instance: rds.DatabaseInstanceBase, design: RdsInstanceDesign): void {
  const findings: Record<string, string> = { ...DEFAULT_PORT_FINDING };
  if (!design.multiAz) {
    const reason =
      design.role === 'replica'
        ? 'a read replica is one instance; its source is Multi-AZ where the tier asks for it'
        : "single-AZ by the environment's tier or an explicit setting; policy rule high-availability requires Multi-AZ in production";
    findings['AwsSolutions-RDS3'] = reason;
    findings['HIPAA.Security-RDSMultiAZSupport'] = reason;
  }
  Object.assign(findings, deletionProtectionFindings(design.deletionProtection));
  if (design.role === 'replica') {
    const reason = "a read replica inherits its source's encryption (StorageEncrypted is rejected on replicas); a cross-region replica names its region's key";
    findings['AwsSolutions-RDS2'] = reason;
    findings['HIPAA.Security-RDSStorageEncrypted'] = reason;
  }
  Object.assign(findings, logExportFindings(design.unexportedLogTypes));
  if (design.fixedAvailabilityZone) {
    findings['CloudFormation-Validate::W3010'] = 'same-region replicas name their zone on purpose, to spread over the zones of the configured network';
  }
  acknowledge(instance.node.defaultChild!, findings);
  acknowledgeMonitoringRole(instance);
}

export interface AuroraClusterDesign {
  readonly defaultPort: boolean;
  readonly deletionProtection: boolean;
  readonly unexportedLogTypes: Readonly<Record<string, string>>;
  /** Backtrack is off (no backtrackHours): cdk-nag's AwsSolutions-RDS14 asks for it on Aurora MySQL. */
  readonly backtrackOff: boolean;
  readonly instances: ReadonlyArray<{ readonly id: string; readonly fixedAvailabilityZone: boolean }>;
}

/** The findings an Aurora cluster of ours carries by design, on the cluster, its instances and its monitoring role. */
export function acknowledgeAuroraClusterDesign(cluster: rds.DatabaseCluster, design: AuroraClusterDesign): void {
  const findings: Record<string, string> = {};
  if (design.defaultPort) Object.assign(findings, DEFAULT_PORT_FINDING);
  Object.assign(findings, deletionProtectionFindings(design.deletionProtection), logExportFindings(design.unexportedLogTypes));
  if (design.backtrackOff) {
    findings['AwsSolutions-RDS14'] =
      'backtrack is opt-in (backtrackHours): it rewinds the whole cluster in place, is unavailable in global databases, and recovery is by point-in-time restore from the retained backups';
  }
  acknowledge(cluster.node.defaultChild!, findings);
  for (const instance of design.instances) {
    const child = cluster.node.tryFindChild(instance.id)?.node.defaultChild;
    if (!child) continue;
    acknowledge(child, {
      'HIPAA.Security-RDSEnhancedMonitoringEnabled': 'Enhanced Monitoring is set on the cluster (its MonitoringInterval), which covers every instance',
      ...(instance.fixedAvailabilityZone
        ? { 'CloudFormation-Validate::W3010': "instances name their zone on purpose, to spread over the configured network's zones" }
        : {}),
    });
  }
  acknowledgeMonitoringRole(cluster);
}

/**
 * Log types cdk-nag expects that are not exported, with why: those the engine offers that we leave out on purpose (the
 * general log records every statement with its data), and those the engine does not produce as we configure it.
 */
export function unexportedLogTypes(
  row: Pick<RdsEngineRow, 'logExports' | 'unexportedLogTypes' | 'logTypesNotProduced'>,
  exported?: readonly string[],
): Record<string, string> {
  const logTypes = exported ?? row.logExports;
  const leftOut = (row.unexportedLogTypes ?? []).filter((logType) => !logTypes.includes(logType));
  return {
    ...Object.fromEntries(
      leftOut.map((logType) => [logType, `the ${logType} log records every statement with its data; error, slow-query and audit logs are exported instead`]),
    ),
    ...row.logTypesNotProduced,
  };
}

/**
 * Rules from another security group of ours (RDS Proxy, password rotation) open only the database's endpoint port.
 * cdk-nag cannot read that port (a token of the instance endpoint) and reports it as possibly SSH or a common port.
 */
export function acknowledgeGroupRules(securityGroup: ec2.SecurityGroup): void {
  const rules = securityGroup.node.children.filter(
    // A type check by CloudFormation type, not instanceof: it holds across copies of aws-cdk-lib.
    (child): child is ec2.CfnSecurityGroupIngress =>
      CfnResource.isCfnResource(child) &&
      child.cfnResourceType === 'AWS::EC2::SecurityGroupIngress' &&
      (child as ec2.CfnSecurityGroupIngress).sourceSecurityGroupId !== undefined,
  );
  const reason = "opens only the database's endpoint port, to a security group of this database's own (proxy or password rotation)";
  for (const rule of rules) acknowledge(rule, { 'HIPAA.Security-EC2RestrictedSSH': reason, 'HIPAA.Security-EC2RestrictedCommonPorts': reason });
}
