/** One stack per Memorystore for Redis instance: a small state that plans and applies on its own. */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { MemorystoreInstance } from '../../../constructs/gcp/memorystore-instance';
import type { GcpPlan, MemorystoreInstancePlan } from '../../plan/plan-types';
import type { GcpFoundationStack } from '../../gcp/gcp-foundation-stack';
import { addGoogleProvider } from '../../gcp/google-provider';
import { addStateBackend } from '../../gcp/state-backend';

export interface MemorystoreInstanceStackProps {
  readonly gcp: GcpPlan;
  readonly instance: MemorystoreInstancePlan;
  readonly foundation: GcpFoundationStack;
}

export class MemorystoreInstanceStack extends TerraformStack {
  readonly cache: MemorystoreInstance;

  constructor(scope: Construct, props: MemorystoreInstanceStackProps) {
    const { gcp, instance: plan, foundation } = props;
    super(scope, plan.stackName);
    addGoogleProvider(this, plan.projectId, plan.region);
    addStateBackend(this, plan.stackName, gcp.stateBackend);
    // The foundation grants the Memorystore service agent its key: the instance is created after the grant.
    this.addDependency(foundation);

    this.cache = new MemorystoreInstance(this, 'Cache', {
      project: plan.projectId,
      region: plan.region,
      instanceName: plan.instanceName,
      version: plan.version,
      memorySizeGb: plan.memorySizeGb,
      highAvailability: plan.highAvailability,
      readReplicas: plan.readReplicas,
      // The plan's deterministic id, not a reference: no remote-state read for a value we already know.
      customerManagedKey: plan.keyId,
      authorizedNetwork: plan.privateNetwork,
      snapshotPeriod: plan.snapshotPeriod,
      maintenanceWindow: plan.maintenanceWindow,
      use: plan.use,
      labels: plan.labels,
      preventDestroy: plan.preventDestroy,
      alerts: plan.alerts,
      notificationChannels: foundation.notificationChannelNames,
    });
  }
}
