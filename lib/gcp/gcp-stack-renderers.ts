/** Each stack type of a Google Cloud plan (GcpStackSpec) rendered as a CDKTF stack, so the app knows no kind. */
import type { App, TerraformStack } from 'cdktf';
import { CloudSqlInstanceStack } from '../kinds/cloudsql-instance/cloud-sql-instance-stack';
import { MemorystoreInstanceStack } from '../kinds/memorystore-instance/memorystore-instance-stack';
import type { GcpPlan, GcpStackSpec, GcpStackType } from '../plan/plan-types';
import type { GcpFoundationStack } from './gcp-foundation-stack';

export interface GcpStackRenderContext {
  readonly app: App;
  readonly gcp: GcpPlan;
  /** Every database stack depends on it (keys, alert channels). */
  readonly foundation: GcpFoundationStack;
}

type Renderer<T extends GcpStackType> = (spec: Extract<GcpStackSpec, { readonly type: T }>, context: GcpStackRenderContext) => TerraformStack;

const GCP_STACK_RENDERERS: { readonly [T in GcpStackType]: Renderer<T> } = {
  'cloudsql-instance': (spec, { app, gcp, foundation }) => new CloudSqlInstanceStack(app, { gcp, instance: spec.plan, foundation }),
  'memorystore-instance': (spec, { app, gcp, foundation }) => new MemorystoreInstanceStack(app, { gcp, instance: spec.plan, foundation }),
};

/** Renders one spec by its type. */
export const renderGcpStack = (spec: GcpStackSpec, context: GcpStackRenderContext): TerraformStack =>
  (GCP_STACK_RENDERERS[spec.type] as Renderer<GcpStackType>)(spec as never, context);
