/** The delivery config (config/delivery/pipeline.ts): every problem names the field, the value, what is allowed and the fix. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import devConfig from '../../config/dev';
import prodConfig from '../../config/prod';
import stagingConfig from '../../config/staging';
import sampleDelivery from '../../config/delivery/pipeline';
import { PIPELINE_NAME_MAX_LENGTH } from '../../config/schema/delivery';
import { ConfigError, formatProblem, formatValue } from '../../lib/config/config-error';
import { listEnvironments } from '../../lib/environments/load-environments';
import { validateDelivery } from '../../lib/delivery/load-delivery';

const SOURCE = 'config/delivery/pipeline.ts';
const SAMPLE_ENVIRONMENTS = { dev: devConfig, staging: stagingConfig, prod: prodConfig };

/** A config folder of plain-data environments (`<name>.js`), so a test can change one. */
function environmentsFolder(environments: Record<string, unknown> = SAMPLE_ENVIRONMENTS): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-config-'));
  for (const [name, config] of Object.entries(environments)) fs.writeFileSync(path.join(dir, `${name}.js`), `module.exports = ${JSON.stringify(config)};\n`);
  return dir;
}
const SAMPLE_FOLDER = environmentsFolder();

function problemsOf(change: (delivery: any) => void, configDir = SAMPLE_FOLDER): string[] {
  const delivery = structuredClone(sampleDelivery) as any;
  change(delivery);
  try {
    validateDelivery(delivery, SOURCE, configDir);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
}
const ok = (change: (delivery: any) => void, configDir?: string) => expect(problemsOf(change, configDir)).toEqual([]);

describe('the sample delivery config', () => {
  test('is valid and promotes dev → staging → prod', () => {
    const { delivery, environments } = validateDelivery(sampleDelivery, SOURCE, path.resolve('config'));
    expect(environments.map(({ environment: e }) => [e.name, e.tier])).toEqual([
      ['dev', 'development'],
      ['staging', 'staging'],
      ['prod', 'production'],
    ]);
    expect(delivery.pipeline.name).toBe('databases-delivery');
  });

  test('is not an environment: config/delivery/ is not listed among the environments', () => {
    expect(listEnvironments(path.resolve('config'))).toEqual(['dev', 'prod', 'staging']);
  });
});

describe('pipeline', () => {
  test('account: 12 digits pass, 11 and 13 do not', () => {
    ok((d) => {
      d.pipeline.account = '123456789012';
    });
    expect(
      problemsOf((d) => {
        d.pipeline.account = '12345678901';
      }),
    ).toEqual([`delivery › pipeline.account = "12345678901": must be a 12-digit AWS account id. Fix: change pipeline.account in ${SOURCE}`]);
    expect(
      problemsOf((d) => {
        d.pipeline.account = '1234567890123';
      }),
    ).toEqual([`delivery › pipeline.account = "1234567890123": must be a 12-digit AWS account id. Fix: change pipeline.account in ${SOURCE}`]);
  });

  test('region: an AWS region name, not a Google one', () => {
    ok((d) => {
      d.pipeline.region = 'us-east-1';
    });
    expect(
      problemsOf((d) => {
        d.pipeline.region = 'europe-west1';
      }),
    ).toEqual([`delivery › pipeline.region = "europe-west1": must be an AWS region name such as eu-west-1. Fix: change pipeline.region in ${SOURCE}`]);
  });

  test(`name: ${PIPELINE_NAME_MAX_LENGTH} characters pass, one more does not; it must start with a letter`, () => {
    expect(PIPELINE_NAME_MAX_LENGTH).toBe(32);
    ok((d) => {
      d.pipeline.name = `a${'b'.repeat(31)}`;
    });
    const message =
      'must start with a letter and hold only letters, digits and hyphens, at most 32 characters (it names the pipeline, its stack and its IAM roles)';
    expect(
      problemsOf((d) => {
        d.pipeline.name = `a${'b'.repeat(32)}`;
      }),
    ).toEqual([`delivery › pipeline.name = "a${'b'.repeat(32)}": ${message}. Fix: change pipeline.name in ${SOURCE}`]);
    expect(
      problemsOf((d) => {
        d.pipeline.name = '1-pipeline';
      }),
    ).toEqual([`delivery › pipeline.name = "1-pipeline": ${message}. Fix: change pipeline.name in ${SOURCE}`]);
  });

  test('a misspelt setting is named, not ignored', () => {
    expect(
      problemsOf((d) => {
        d.pipeline.acount = '123456789012';
      }),
    ).toEqual([`delivery › pipeline.acount = "123456789012": is not a known setting here. Fix: remove 'acount' from ${SOURCE} or check its spelling`]);
  });
});

describe('source', () => {
  const arnMessage =
    'must be a connection ARN such as arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789 (Developer Tools console › Settings › Connections)';

  test('connectionArn: both service prefixes (codestar-connections, codeconnections) and the partitions pass', () => {
    ok((d) => {
      d.source.connectionArn = 'arn:aws:codestar-connections:us-west-2:123456789012:connection/39e4c34d-e13a-4e94-a886-ea67651bf042';
    });
    ok((d) => {
      d.source.connectionArn = 'arn:aws-us-gov:codeconnections:us-gov-west-1:123456789012:connection/39e4c34d-e13a-4e94-a886-ea67651bf042';
    });
  });

  test.each([
    ['another service', 'arn:aws:codecommit:us-west-2:123456789012:connection/39e4c34d-e13a-4e94-a886-ea67651bf042'],
    ['an 11-digit account', 'arn:aws:codeconnections:us-west-2:12345678901:connection/39e4c34d-e13a-4e94-a886-ea67651bf042'],
    ['a connection id that is not a UUID', 'arn:aws:codeconnections:us-west-2:123456789012:connection/my-github'],
    ['a host instead of a connection', 'arn:aws:codeconnections:us-west-2:123456789012:host/github-39e4c34d'],
  ])('connectionArn with %s is refused', (_what, arn) => {
    expect(
      problemsOf((d) => {
        d.source.connectionArn = arn;
      }),
    ).toEqual([`delivery › source.connectionArn = "${arn}": ${arnMessage}. Fix: change source.connectionArn in ${SOURCE}`]);
  });

  test('repository: owner/name and GitLab groups pass, a bare name does not', () => {
    ok((d) => {
      d.source.repository = 'acme/db.infra';
    });
    ok((d) => {
      d.source.repository = 'acme/platform/databases';
    });
    expect(
      problemsOf((d) => {
        d.source.repository = 'databases-as-code';
      }),
    ).toEqual([
      `delivery › source.repository = "databases-as-code": must be the full repository id, owner/name (GitLab: group/…/name), letters, digits, . _ - only. Fix: change source.repository in ${SOURCE}`,
    ]);
  });

  test('branch: names git accepts pass, the ones it refuses do not', () => {
    ok((d) => {
      d.source.branch = 'release/2026.12';
    });
    expect(
      problemsOf((d) => {
        d.source.branch = 'my branch';
      }),
    ).toEqual([
      `delivery › source.branch = "my branch": a branch name that holds a space or one of ~ ^ : ? * [ \\, which git refuses in a branch name. Fix: change source.branch in ${SOURCE}`,
    ]);
    expect(
      problemsOf((d) => {
        d.source.branch = 'release..1';
      }),
    ).toEqual([`delivery › source.branch = "release..1": a branch name that holds .., // or @{, which git refuses. Fix: change source.branch in ${SOURCE}`]);
    expect(
      problemsOf((d) => {
        d.source.branch = 'main.lock';
      }),
    ).toEqual([
      `delivery › source.branch = "main.lock": a branch name that ends with . or .lock, or has a part starting with ., which git refuses. Fix: change source.branch in ${SOURCE}`,
    ]);
    expect(
      problemsOf((d) => {
        d.source.branch = '-main';
      }),
    ).toEqual([
      `delivery › source.branch = "-main": a branch name that starts with - or / or ends with /, which git refuses. Fix: change source.branch in ${SOURCE}`,
    ]);
  });
});

describe('environments (the promotion order)', () => {
  test('none', () => {
    expect(
      problemsOf((d) => {
        d.environments = [];
        d.googleCloud = {};
      }),
    ).toEqual([`delivery › environments = []: must name at least one environment, in promotion order. Fix: change environments in ${SOURCE}`]);
  });

  test('one named twice', () => {
    expect(
      problemsOf((d) => {
        d.environments = ['dev', 'dev', 'prod'];
      }),
    ).toContain(`delivery › environments = ["dev","dev","prod"]: names an environment twice. Fix: change environments in ${SOURCE}`);
  });

  test('one that does not exist', () => {
    expect(
      problemsOf((d) => {
        d.environments = ['dev', 'stagign', 'prod'];
        delete d.googleCloud.staging;
      }),
    ).toEqual([
      `delivery › environments[1] = "stagign": is not an environment; the environments are dev, prod, staging (one config/<name>.ts each). Fix: change environments[1] in ${SOURCE} to one of them, or create config/stagign.ts`,
    ]);
  });

  test('tiers may go up or stay, never down: production last', () => {
    ok((d) => {
      d.environments = ['dev', 'prod'];
      delete d.googleCloud.staging;
    });
    expect(
      problemsOf((d) => {
        d.environments = ['dev', 'prod', 'staging'];
      }),
    ).toEqual([
      `delivery › environments[2] = "staging": is a staging environment promoted after the production environment 'prod'; tiers may only go up (development → staging → production), so production comes last. Fix: move 'staging' before 'prod' in environments in ${SOURCE}`,
    ]);
    expect(
      problemsOf((d) => {
        d.environments = ['staging', 'dev', 'prod'];
      }),
    ).toEqual([
      `delivery › environments[1] = "dev": is a development environment promoted after the staging environment 'staging'; tiers may only go up (development → staging → production), so production comes last. Fix: move 'dev' before 'staging' in environments in ${SOURCE}`,
    ]);
  });

  test('two environments of the same tier may follow each other', () => {
    const folder = environmentsFolder({
      ...SAMPLE_ENVIRONMENTS,
      qa: { ...stagingConfig, gcp: undefined, databases: (stagingConfig.databases ?? []).filter((db) => db.kind !== 'cloudsql-instance') },
    });
    ok((d) => {
      d.environments = ['dev', 'staging', 'qa', 'prod'];
    }, folder);
  });
});

describe('googleCloud', () => {
  const providerMessage =
    'must be projects/<project number>/locations/global/workloadIdentityPools/<pool id>/providers/<provider id> (ids: 4-32 of a-z, 0-9, -)';
  const provider = (pool: string, id = 'databases-pipeline') => `projects/100000000001/locations/global/workloadIdentityPools/${pool}/providers/${id}`;

  test('pool and provider ids: 4 and 32 characters pass, 3 and 33 do not', () => {
    ok((d) => {
      d.googleCloud.dev.workloadIdentityProvider = provider('abcd', 'a'.repeat(32));
    });
    for (const bad of [provider('abc'), provider('a'.repeat(33))]) {
      expect(
        problemsOf((d) => {
          d.googleCloud.dev.workloadIdentityProvider = bad;
        }),
      ).toEqual([
        `delivery › googleCloud.dev.workloadIdentityProvider = "${bad}": ${providerMessage}. Fix: change googleCloud.dev.workloadIdentityProvider in ${SOURCE}`,
      ]);
    }
  });

  test('serviceAccount: a service account email, not a user', () => {
    expect(
      problemsOf((d) => {
        d.googleCloud.dev.serviceAccount = 'someone@example.com';
      }),
    ).toEqual([
      `delivery › googleCloud.dev.serviceAccount = "someone@example.com": must be a service account email such as databases-deployer@acme-databases-prod.iam.gserviceaccount.com. Fix: change googleCloud.dev.serviceAccount in ${SOURCE}`,
    ]);
  });

  test('an environment with a gcp section and no sign-in', () => {
    expect(
      problemsOf((d) => {
        delete d.googleCloud.staging;
      }),
    ).toEqual([
      `delivery › googleCloud.staging = (missing): is needed: config/staging.ts has a gcp section, whose stacks the pipeline deploys with workload identity federation (no key file). Fix: add googleCloud.staging: { workloadIdentityProvider: 'projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>', serviceAccount: '<name>@<project>.iam.gserviceaccount.com' } to ${SOURCE} (docs/delivery.md)`,
    ]);
  });

  test('a sign-in for an environment the pipeline does not promote', () => {
    expect(
      problemsOf((d) => {
        d.environments = ['dev', 'prod'];
      }),
    ).toEqual([
      `delivery › googleCloud.staging = ${formatValue(sampleDelivery.googleCloud!.staging)}: is for 'staging', which is not in environments (dev, prod). Fix: remove googleCloud.staging from ${SOURCE}, or add 'staging' to environments`,
    ]);
  });

  test('an environment whose Terraform state is local cannot be deployed from a build container', () => {
    const { stateBackend: _gcs, ...devWithLocalState } = devConfig.gcp!;
    const folder = environmentsFolder({ ...SAMPLE_ENVIRONMENTS, dev: { ...devConfig, gcp: devWithLocalState } });
    expect(problemsOf(() => {}, folder)).toEqual([
      `delivery › environments[0] = "dev": has Google Cloud stacks the pipeline deploys, with their Terraform state kept locally (gcp.stateBackend in config/dev.ts); a build container's disk is discarded after each build, so the next deploy would not know the resources it created. Fix: set gcp.stateBackend: { type: 'gcs', bucket: '<bucket>', prefix: 'databases' } in config/dev.ts (move existing state with \`terraform init -migrate-state\`)`,
    ]);
  });
});

test('an environment problem is reported as the environment apps report it, before the delivery rules', () => {
  const folder = environmentsFolder({ ...SAMPLE_ENVIRONMENTS, staging: { ...stagingConfig, aws: { ...stagingConfig.aws, account: '2222' } } });
  expect(problemsOf(() => {}, folder)).toEqual([
    'staging › aws.account = "2222": must be a 12-digit AWS account id. Fix: change aws.account in ' +
      path.relative(process.cwd(), path.join(folder, 'staging.js')),
  ]);
});
