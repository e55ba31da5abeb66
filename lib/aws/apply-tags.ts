import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Resource types we never tag, although CDK would render the tags: proxy target groups take none in CloudFormation,
 * and cfn-lint 1.51 lints dashboards against the us-east-1 schema, which has no Tags on them (cfn-lint E3002).
 */
const UNTAGGABLE = ['AWS::CloudWatch::Dashboard', 'AWS::RDS::DBProxyTargetGroup'];

export function applyTags(scope: IConstruct, tags: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(tags)) Tags.of(scope).add(key, value, { excludeResourceTypes: UNTAGGABLE });
}
