import type { TagProps } from 'aws-cdk-lib';

/**
 * How our stages and stacks apply tags. Dashboards stay untagged: cfn-lint 1.51 lints against us-east-1, whose
 * schema in its data has no Tags on AWS::CloudWatch::Dashboard (the European regions' schemas do), and a tag on a
 * dashboard is worth less than a clean lint.
 */
export const TAG_OPTIONS: TagProps = { excludeResourceTypes: ['AWS::CloudWatch::Dashboard'] };
