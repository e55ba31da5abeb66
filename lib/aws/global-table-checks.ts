/**
 * Our own validation rules for what cdk-nag skips: its DynamoDB rules only look at `AWS::DynamoDB::Table`, while
 * TableV2 emits `AWS::DynamoDB::GlobalTable`, whose settings live per replica. Every replica must keep PITR and be
 * encrypted with a customer-managed key, and every table must be in an AWS Backup selection (or say why not).
 */
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import * as fs from 'fs';

interface Replica {
  readonly Region?: string;
  readonly PointInTimeRecoverySpecification?: { readonly PointInTimeRecoveryEnabled?: boolean };
  readonly SSESpecification?: { readonly KMSMasterKeyId?: unknown };
  readonly Tags?: ReadonlyArray<{ readonly Key: string; readonly Value: string }>;
}

interface Rule {
  readonly name: string;
  readonly description: string;
  readonly fix: string;
  /** Locations (under the resource) that break the rule. */
  readonly check: (properties: GlobalTableProperties, backupTagKey: string) => string[];
}

type GlobalTableProperties = { Replicas?: Replica[]; SSESpecification?: { SSEEnabled?: boolean; SSEType?: string } };

/** A resource of a synthesized template, as far as these rules read it. */
interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: GlobalTableProperties;
}

const perReplica = (replicas: Replica[] | undefined, broken: (replica: Replica) => boolean, field: string) =>
  (replicas ?? []).flatMap((replica, index) => (broken(replica) ? [`Properties/Replicas/${index}/${field}`] : []));

export const GLOBAL_TABLE_RULES: readonly Rule[] = [
  {
    name: 'Databases-GlobalTableReplicaPITR',
    description: 'A replica of a DynamoDB global table has point-in-time recovery off.',
    fix: 'Turn PITR on for every replica (DynamoDbGlobalTable does by default).',
    check: (p) => perReplica(p.Replicas, (r) => r.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled !== true, 'PointInTimeRecoverySpecification'),
  },
  {
    name: 'Databases-GlobalTableReplicaCMK',
    description: "A replica of a DynamoDB global table is not encrypted with its region's customer-managed key.",
    fix: "Encrypt the table with a customer-managed key and name each replica region's key (TableEncryptionV2.customerManagedKey).",
    check: (p) => [
      ...(p.SSESpecification?.SSEEnabled === true && p.SSESpecification.SSEType === 'KMS' ? [] : ['Properties/SSESpecification']),
      ...perReplica(p.Replicas, (r) => r.SSESpecification?.KMSMasterKeyId === undefined, 'SSESpecification'),
    ],
  },
  {
    name: 'Databases-GlobalTableInBackupPlan',
    description: 'A DynamoDB global table is not in an AWS Backup selection.',
    fix: "Tag it for the region's backup plan (the environment stage does), or acknowledge with the reason it has none.",
    check: (p, tagKey) => {
      const tagged = (p.Replicas ?? []).some((replica) => replica.Tags?.some((tag) => tag.Key === tagKey));
      return tagged ? [] : ['Properties/Replicas'];
    },
  },
];

export class GlobalTableChecks implements IPolicyValidationPluginBeta1 {
  readonly name = 'Databases';
  readonly ruleIds = GLOBAL_TABLE_RULES.map((rule) => rule.name);

  /** @param backupTagKey the tag AWS Backup selections match (lib/plan/backup-plan.ts). */
  constructor(private readonly backupTagKey: string) {}

  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const violations: PolicyViolationBeta1[] = [];
    for (const templatePath of context.templatePaths) {
      const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
      for (const rule of GLOBAL_TABLE_RULES) {
        const violatingResources = Object.entries<TemplateResource>(template.Resources ?? {})
          .filter(([, resource]) => resource.Type === 'AWS::DynamoDB::GlobalTable')
          .flatMap(([logicalId, resource]) => {
            const locations = rule.check(resource.Properties ?? {}, this.backupTagKey).map((location) => `Resources/${logicalId}/${location}`);
            return locations.length > 0 ? [{ resourceLogicalId: logicalId, templatePath, locations }] : [];
          });
        if (violatingResources.length > 0) {
          violations.push({ ruleName: rule.name, description: rule.description, fix: rule.fix, severity: 'error', violatingResources });
        }
      }
    }
    return { success: violations.length === 0, violations };
  }
}
