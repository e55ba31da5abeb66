import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { BACKUP_TAG_KEY } from '../plan/backup-plan';
import { GlobalTableChecks } from './global-table-checks';

/**
 * cdk-nag's AWS Solutions and HIPAA Security packs, and our own DynamoDB global-table rules, on every stack of the app. With the
 * `@aws-cdk/core:validateAgainstDefaultRules` flag their errors fail synth; every accepted finding is acknowledged
 * in code, on the resource, with a reason.
 */
export function addComplianceChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new GlobalTableChecks(BACKUP_TAG_KEY));
}
