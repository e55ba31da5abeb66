/**
 * One database kind through the synth path, as a row: everything that differs between kinds. The pipeline
 * (lib/environments) resolves, checks, plans, places in stacks, and reports every database through its kind's row;
 * nothing else branches on a kind. Add a kind: its config schema (config/schema), a folder here, a row in registry.ts,
 * its plan and stack types (lib/plan/plan-types.ts: KindPlans, AwsStackSpec/GcpStackSpec) and a renderer for each
 * stack type it declares (lib/aws/aws-stack-renderers.ts or lib/gcp/gcp-stack-renderers.ts).
 */
import type { DatabaseConfig, DatabaseKind, Tier, TierDefaults } from '../../config/schema';
import type { KeyServiceAgent } from '../../constructs/gcp/cloud-sql-encryption-keys';
import type { DATABASE_KIND_CLOUDS } from '../../config/schema/environment';
import type { ReplicaRegionList } from '../config/replica-regions';
import type { ResolvedCommon, ResolvedDatabase, ResolvedEnvironment } from '../config/resolved-environment';
import type { Rule } from '../config/rules/rule';
import type { InventoryContext, KindInventoryEntry } from '../inventory/inventory-columns';
import type { DashboardLine } from '../plan/dashboard-lines';
import type { AwsRegionPlan, AwsStackSpec, GcpRegionKeyPlan, GcpStackSpec, KindPlans } from '../plan/plan-types';
import type { DatabasePosture } from '../policy/database-posture';
import type { PostureContext } from '../policy/posture-context';
import type { ProjectGrant } from '../plan/plan-types';

export type ConfigOf<K extends DatabaseKind> = Extract<DatabaseConfig, { readonly kind: K }>;
export type ResolvedOf<K extends DatabaseKind> = Extract<ResolvedDatabase, { readonly kind: K }>;
export type StackSpecOf<K extends DatabaseKind> = (typeof DATABASE_KIND_CLOUDS)[K] extends 'aws' ? AwsStackSpec : GcpStackSpec;

/** What the cloud's planner hands a kind: the shared resources of a region, by region. */
export interface PlanContext {
  /** AWS: the region's foundation (key, topic, vault, network). */
  readonly awsRegion: (region: string) => AwsRegionPlan;
  /** Google Cloud: the region's Cloud SQL key. */
  readonly gcpKey: (region: string) => GcpRegionKeyPlan;
}

export interface DatabaseKindRow<K extends DatabaseKind> {
  readonly kind: K;
  /**
   * The tier defaults merged into one database (the fields every kind shares are merged already, in `common`); the
   * environment's tier for defaults that TierDefaults does not hold (a kind's own table by tier).
   */
  readonly resolve: (database: ConfigOf<K>, common: ResolvedCommon, defaults: TierDefaults, tier: Tier) => ResolvedOf<K>;
  /** Where the database places copies, by config field (the environment rules check every region is declared). */
  readonly replicaRegions: (db: ResolvedOf<K>) => readonly ReplicaRegionList[];
  /** The kind's cross-field rules; each runs over the environment and looks at its own kind's databases. */
  readonly rules: readonly Rule[];
  readonly plan: (env: ResolvedEnvironment, db: ResolvedOf<K>, context: PlanContext) => KindPlans[K];
  /** The stacks the database lives in, in creation order, with their dependencies. */
  readonly stacks: (plan: KindPlans[K]) => readonly StackSpecOf<K>[];
  /** Lines on its region's CloudWatch dashboard; none for a kind without such graphs. */
  readonly dashboardLines?: (plan: KindPlans[K]) => readonly DashboardLine[];
  readonly posture: (plan: KindPlans[K], context: PostureContext) => DatabasePosture;
  readonly inventory: (plan: KindPlans[K], context: InventoryContext) => KindInventoryEntry;
  /**
   * Google Cloud kinds whose service encrypts with the region keys through its own agent (Cloud SQL's is granted by
   * the foundation already): the grant the foundation adds when the environment has a database of the kind.
   */
  readonly keyServiceAgent?: (projectNumber: string) => KeyServiceAgent;
  /** Project-level IAM grants a database needs (its consumers' roles), held once by the environment's foundation. */
  readonly projectGrants?: (plan: KindPlans[K]) => readonly ProjectGrant[];
}

/** A row for every kind the config accepts: the compiler refuses a kind without one. */
export type DatabaseKindRegistry = { readonly [K in DatabaseKind]: DatabaseKindRow<K> };
