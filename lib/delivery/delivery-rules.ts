/**
 * Rules of the delivery config that need the environments: the promotion order names existing environments with
 * tiers that only go up (production last), and every environment with Google Cloud stacks can be deployed by the
 * pipeline (a sign-in, and Terraform state that outlives the build). One function per rule.
 */
import { TIERS, type Tier } from '../../config/schema/tiers';
import type { DeliveryConfig } from '../../config/schema/delivery';
import type { ConfigProblem } from '../config/config-error';
import type { ResolvedEnvironment } from '../config/resolved-environment';

export interface DeliveryRuleInput {
  readonly delivery: DeliveryConfig;
  /** Every environment of the config folder. */
  readonly available: readonly string[];
  /** The environments of `delivery.environments` that exist, validated. */
  readonly environments: readonly ResolvedEnvironment[];
  /** The delivery config's file, for the fixes. */
  readonly source: string;
}

export type DeliveryProblemDraft = Omit<ConfigProblem, 'environment'>;
type DeliveryRule = (input: DeliveryRuleInput) => DeliveryProblemDraft[];

const unknownEnvironments: DeliveryRule = ({ delivery, available, source }) =>
  delivery.environments.flatMap((name, index) =>
    available.includes(name)
      ? []
      : [
          {
            path: ['environments', index],
            value: name,
            message: `is not an environment; the environments are ${available.join(', ')} (one config/<name>.ts each)`,
            fix: `change environments[${index}] in ${source} to one of them, or create config/${name}.ts`,
          },
        ],
  );

/** development → staging → production: a change reaches production only after the lower tiers took it. */
const tiersOnlyGoUp: DeliveryRule = ({ delivery, environments, source }) => {
  const tierOf = new Map(environments.map((environment) => [environment.name, environment.tier]));
  const problems: DeliveryProblemDraft[] = [];
  let highest: { name: string; tier: Tier } | undefined;
  delivery.environments.forEach((name, index) => {
    const tier = tierOf.get(name);
    if (!tier) return;
    if (highest && TIERS.indexOf(tier) < TIERS.indexOf(highest.tier)) {
      problems.push({
        path: ['environments', index],
        value: name,
        message: `is a ${tier} environment promoted after the ${highest.tier} environment '${highest.name}'; tiers may only go up (${TIERS.join(' → ')}), so production comes last`,
        fix: `move '${name}' before '${highest.name}' in environments in ${source}`,
      });
    } else if (!highest || TIERS.indexOf(tier) > TIERS.indexOf(highest.tier)) {
      highest = { name, tier };
    }
  });
  return problems;
};

const googleCloudOfUnlistedEnvironments: DeliveryRule = ({ delivery, source }) =>
  Object.keys(delivery.googleCloud)
    .filter((name) => !delivery.environments.includes(name))
    .map((name) => ({
      path: ['googleCloud', name],
      value: delivery.googleCloud[name],
      message: `is for '${name}', which is not in environments (${delivery.environments.join(', ')})`,
      fix: `remove googleCloud.${name} from ${source}, or add '${name}' to environments`,
    }));

const googleCloudSignInPerEnvironment: DeliveryRule = ({ delivery, environments, source }) =>
  environments
    .filter((environment) => environment.gcp && !delivery.googleCloud[environment.name])
    .map((environment) => ({
      path: ['googleCloud', environment.name],
      value: undefined,
      message: `is needed: config/${environment.name}.ts has a gcp section, whose stacks the pipeline deploys with workload identity federation (no key file)`,
      fix: `add googleCloud.${environment.name}: { workloadIdentityProvider: 'projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>', serviceAccount: '<name>@<project>.iam.gserviceaccount.com' } to ${source} (docs/delivery.md)`,
    }));

/** A CodeBuild container is discarded after the build: local Terraform state would be lost with it. */
const terraformStateOutlivesTheBuild: DeliveryRule = ({ delivery, environments }) =>
  environments
    .filter((environment) => environment.gcp && delivery.googleCloud[environment.name] && environment.gcp.stateBackend.type !== 'gcs')
    .map((environment) => ({
      path: ['environments', delivery.environments.indexOf(environment.name)],
      value: environment.name,
      message: `has Google Cloud stacks the pipeline deploys, with their Terraform state kept locally (gcp.stateBackend in config/${environment.name}.ts); a build container's disk is discarded after each build, so the next deploy would not know the resources it created`,
      fix: `set gcp.stateBackend: { type: 'gcs', bucket: '<bucket>', prefix: 'databases' } in config/${environment.name}.ts (move existing state with \`terraform init -migrate-state\`)`,
    }));

export const DELIVERY_RULES: readonly DeliveryRule[] = [
  unknownEnvironments,
  tiersOnlyGoUp,
  googleCloudOfUnlistedEnvironments,
  googleCloudSignInPerEnvironment,
  terraformStateOutlivesTheBuild,
];

export const deliveryRules = (input: DeliveryRuleInput): DeliveryProblemDraft[] => DELIVERY_RULES.flatMap((rule) => rule(input));
