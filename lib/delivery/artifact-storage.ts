/**
 * Where the pipeline keeps what it builds: a customer-managed key (rotated) for the artifact bucket and the build logs,
 * the artifact bucket (KMS, versioned, TLS only, no public access, access-logged) and its access-log bucket.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../../constructs/aws/foundation/compliance-acknowledgements';
import { allowLogsToUseKey } from '../../constructs/aws/foundation/log-group-key-grant';

export interface ArtifactStorageProps {
  readonly pipelineName: string;
}

/** Build logs are kept a year: long enough to audit what was deployed when. */
export const BUILD_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;
/** Old artifact versions are only needed to retry a recent execution. */
export const ARTIFACT_NONCURRENT_DAYS = 30;

export class ArtifactStorage extends Construct {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly buildLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ArtifactStorageProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      alias: `alias/${props.pipelineName}-artifacts`,
      description: `Artifacts and build logs of the ${props.pipelineName} pipeline`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 server access logs can only be delivered to a bucket with SSE-S3 (S3 User Guide, "Enabling Amazon S3 server
    // access logging": "The destination bucket … default encryption … SSE-S3 only"), hence a second bucket.
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(ARTIFACT_NONCURRENT_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const accessLogsReason = 'the access-log destination of the artifact bucket; logging it into itself would loop';
    acknowledge(accessLogs, {
      'AwsSolutions-S1': accessLogsReason,
      'HIPAA.Security-S3BucketLoggingEnabled': accessLogsReason,
      'HIPAA.Security-S3DefaultEncryptionKMS':
        'S3 server access logging delivers only to SSE-S3 buckets (S3 User Guide, "Enabling Amazon S3 server access logging")',
      'HIPAA.Security-S3BucketReplicationEnabled':
        'access logs of pipeline artifacts, which are rebuilt from the repository on every run; no second copy is needed',
    });

    this.bucket = new s3.Bucket(this, 'Artifacts', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(ARTIFACT_NONCURRENT_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.bucket, {
      'HIPAA.Security-S3BucketReplicationEnabled': 'pipeline artifacts are rebuilt from the repository on every run; a replica would protect nothing',
    });

    const logGroupName = `/aws/codebuild/${props.pipelineName}`;
    allowLogsToUseKey(this, this.key, 'BuildLogs', logGroupName);
    this.buildLogs = new logs.LogGroup(this, 'BuildLogs', {
      logGroupName,
      encryptionKey: this.key,
      retention: BUILD_LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
