/** Small fixtures shared by the tests: a valid environment per tier, and apps with the project's CDK context. */
import { App } from 'aws-cdk-lib';
import * as fs from 'fs';
import * as path from 'path';
import type { EnvironmentInput, Tier } from '../../config/schema';
import type { ResolvedEnvironment } from '../../lib/config/resolved-environment';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import type { EnvironmentPlan } from '../../lib/plan/plan-types';
import type { PlannedEnvironment } from '../../lib/environments/plan-environments';

/** A valid environment with one RDS PostgreSQL and one Cloud SQL PostgreSQL database, each with an application role. */
export function fixtureConfig(tier: Tier = 'production'): EnvironmentInput {
  return {
    tier,
    tags: { team: 'platform' },
    aws: {
      account: '123456789012',
      primaryRegion: 'eu-west-1',
      regions: {
        'eu-west-1': {
          network: {
            type: 'existing',
            vpcId: 'vpc-0123456789abcdef0',
            availabilityZones: ['eu-west-1a', 'eu-west-1b'],
            privateSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
          },
        },
        'eu-central-1': {
          network: { type: 'isolated', cidr: '10.50.0.0/16', availabilityZones: ['eu-central-1a', 'eu-central-1b'] },
        },
      },
      notifications: { emails: ['oncall@example.com'] },
    },
    gcp: {
      projectId: 'fixture-project',
      projectNumber: '123456789012',
      primaryRegion: 'europe-west1',
      regions: ['europe-west1', 'europe-west4'],
      privateNetwork: 'projects/fixture-network/global/networks/vpc',
      notifications: { emails: ['oncall@example.com'] },
    },
    databases: [
      {
        kind: 'rds-instance',
        name: 'orders',
        engine: 'postgres',
        version: '17.6',
        instanceClass: 'db.r6g.large',
        allocatedStorageGiB: 100,
        allowedCidrs: ['10.0.0.0/16'],
        // Applications connect as declared roles (policy 'least-privilege' in production).
        databases: ['orders'],
        roles: [{ name: 'orders_app', access: 'read-write', consumers: ['arn:aws:iam::123456789012:role/orders-api'] }],
      },
      {
        kind: 'cloudsql-instance',
        name: 'ledger',
        engine: 'postgres',
        version: '16',
        tier: 'db-custom-2-7680',
        diskSizeGb: 50,
        databases: ['ledger'],
        roles: [{ name: 'ledger_app', access: 'read-write', consumers: ['ledger-api@fixture-project.iam.gserviceaccount.com'] }],
      },
    ],
  };
}

/** Engines the provisioning engine does not speak: roles and logical databases are refused there (database-access-rules.ts). */
const NO_ACCESS_ENGINE = /^(sqlserver|oracle)/;

/**
 * The fixture with a change applied to a deep copy. A change that turns a fixture database into SQL Server or Oracle
 * also drops the fixture's own roles and logical databases from it (unless the change set its own), so tests about
 * those engines see only what they changed.
 */
export function withChange(change: (config: any) => void, tier: Tier = 'production'): EnvironmentInput {
  const original = fixtureConfig(tier);
  const config: any = structuredClone(original);
  change(config);
  (original.databases ?? []).forEach((db: any, index: number) => {
    const changed = config.databases?.[index];
    if (!changed || changed.name !== db.name || !NO_ACCESS_ENGINE.test(String(changed.engine))) return;
    for (const field of ['roles', 'databases'] as const) {
      if (JSON.stringify(changed[field]) === JSON.stringify(db[field])) delete changed[field];
    }
  });
  return config;
}

export function fixtureEnvironment(tier: Tier = 'production', name = 'test'): ResolvedEnvironment {
  return validateEnvironment(name, fixtureConfig(tier));
}

/** An environment validated in a test, with its plan: what the apps take from the pipeline (no policy check). */
export function plannedOf(environment: ResolvedEnvironment): PlannedEnvironment {
  return { environment, plan: buildPlan(environment) };
}

export function fixturePlan(tier: Tier = 'production', name = 'test'): EnvironmentPlan {
  return buildPlan(fixtureEnvironment(tier, name));
}

/** An App with the feature flags of cdk.json, so tests synthesize exactly what `cdk synth` does. */
export function testApp(): App {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
  return new App({ context: cdkJson.context });
}
