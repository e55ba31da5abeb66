import type * as kms from 'aws-cdk-lib/aws-kms';
import type { DatabaseNetwork } from '../../constructs/aws/foundation/database-network';

/** What a database stack takes from its region's foundation stack by reference (same region, same Stage). */
export interface RegionResources {
  readonly network: DatabaseNetwork;
  /** The region's key itself, for log groups (CloudWatch Logs does not take aliases). */
  readonly logKey: kms.IKey;
}
