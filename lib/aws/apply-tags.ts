import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Dashboards and proxy target groups take no tags in CloudFormation, although CDK would render them (cfn-lint E3002). */
const UNTAGGABLE = ['AWS::CloudWatch::Dashboard', 'AWS::RDS::DBProxyTargetGroup'];

export function applyTags(scope: IConstruct, tags: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(tags)) Tags.of(scope).add(key, value, { excludeResourceTypes: UNTAGGABLE });
}
