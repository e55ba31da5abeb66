/** Plan → DatabaseAccess props shared by the RDS instance and Aurora cluster stacks. */
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DatabaseAccessProps, DatabaseAccessTarget } from '../../constructs/aws/database-access/database-access';
import { isAccessEngine } from '../../constructs/aws/database-access/tables/access-engines';
import { keepUnlessDestroyed } from '../../constructs/aws/foundation/removal';
import type { RegionResources } from '../aws/region-resources';
import { REMOVAL_POLICIES } from '../aws/removal-policy';
import type { DatabaseAccessPlan } from '../plan/database-access-plan';
import type { RemovalPolicyName } from '../../config/schema';

export interface AccessWiring {
  readonly access: DatabaseAccessPlan;
  readonly engine: string;
  readonly removalPolicy: RemovalPolicyName;
  readonly rotationDays: number;
  readonly logRetentionDays: number;
  readonly regionResources: RegionResources;
}

/** What an RDS instance or Aurora cluster plan gives its database access (both plans have these fields). */
export interface AccessingPlan {
  readonly accessPlan?: DatabaseAccessPlan;
  readonly engine: string;
  readonly removalPolicy: RemovalPolicyName;
  readonly credentials: { readonly rotationDays: number };
  readonly observability: { readonly logRetentionDays: number };
}

/** The plan's half of the wiring; undefined when the database has no access plan (SQL Server, Oracle). */
export function accessWiringOf(plan: AccessingPlan, regionResources: RegionResources): AccessWiring | undefined {
  if (plan.accessPlan === undefined) return undefined;
  return {
    access: plan.accessPlan,
    engine: plan.engine,
    removalPolicy: plan.removalPolicy,
    rotationDays: plan.credentials.rotationDays,
    logRetentionDays: plan.observability.logRetentionDays,
    regionResources,
  };
}

export function databaseAccessProps(
  scope: Construct,
  wiring: AccessWiring,
  target: Omit<DatabaseAccessTarget, 'engine'>,
  endpoints: { readonly readerEndpoint?: string; readonly proxyEndpoint?: string },
): DatabaseAccessProps {
  // The plan has access only for PostgreSQL and MySQL-family engines; anything else here is a planning bug.
  if (!isAccessEngine(wiring.engine)) throw new Error(`BUG: database access planned for engine ${wiring.engine}`);
  return {
    target: { ...target, engine: wiring.engine },
    declared: wiring.access.declared,
    consumers: wiring.access.consumers,
    // The region's key by its ARN (the database names it by alias): IAM policies match key ARNs, not aliases. Imported,
    // not the foundation's Key object: CDK would add this stack's grants to the key policy in the foundation stack,
    // a cycle between the stacks; the key policy already lets the account's IAM policies grant it.
    encryptionKey: kms.Key.fromKeyArn(scope, 'AccessEncryptionKey', wiring.regionResources.logKey.keyArn),
    contractPath: wiring.access.contractPath,
    ...endpoints,
    passwordRotationDays: wiring.rotationDays,
    logRetention: wiring.logRetentionDays as logs.RetentionDays,
    // Like the master secret: kept with a retained or snapshotted database.
    removalPolicy: keepUnlessDestroyed(REMOVAL_POLICIES[wiring.removalPolicy]),
  };
}
