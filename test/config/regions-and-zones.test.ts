/** Regions and zones that exist: AWS (cfn-lint's list), Google Cloud (Cloud SQL's regions), an AWS-style name given to Google. */
import { AWS_REGION_ZONE_SUFFIXES } from '../../constructs/aws/foundation/tables/aws-regions';
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}

const isolated = (region: string, zones: string[]) => ({
  network: { type: 'isolated', cidr: '10.60.0.0/16', availabilityZones: zones.map((z) => region + z) },
});

describe('AWS regions', () => {
  test('an existing region passes; one that does not exist names its neighbours', () => {
    expect(problemsOf((c) => (c.aws.regions['eu-south-2'] = isolated('eu-south-2', ['a', 'b'])))).toEqual([]);
    expect(problemsOf((c) => (c.aws.regions['eu-south-3'] = isolated('eu-south-3', ['a', 'b'])))).toEqual([
      'test › aws.regions.eu-south-3 = "eu-south-3": is not an AWS region; regions like it: eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, eu-isoe-west-1. Fix: use the name of an existing AWS region',
    ]);
  });

  test('a region with no neighbour by name lists every region', () => {
    expect(problemsOf((c) => (c.aws.regions['zz-east-1'] = isolated('zz-east-1', ['a', 'b'])))).toEqual([
      `test › aws.regions.zz-east-1 = "zz-east-1": is not an AWS region; regions like it: ${Object.keys(AWS_REGION_ZONE_SUFFIXES).join(', ')}. Fix: use the name of an existing AWS region`,
    ]);
    expect(Object.keys(AWS_REGION_ZONE_SUFFIXES)).toHaveLength(46);
  });
});

describe('AWS availability zones', () => {
  test('eu-west-1 has zones a to c: c passes, d fails', () => {
    expect(problemsOf((c) => (c.aws.regions['eu-central-1'].network.availabilityZones = ['eu-central-1a', 'eu-central-1c']))).toEqual([]);
    expect(problemsOf((c) => (c.aws.regions['eu-west-1'].network.availabilityZones = ['eu-west-1a', 'eu-west-1d']))).toEqual([
      'test › aws.regions.eu-west-1.network.availabilityZones[1] = "eu-west-1d": is not an availability zone of eu-west-1; its zones: eu-west-1a, eu-west-1b, eu-west-1c. Fix: use zones of eu-west-1, such as eu-west-1a',
    ]);
  });

  test('us-east-1 has zones a to f: f passes, g fails', () => {
    expect(problemsOf((c) => (c.aws.regions['us-east-1'] = isolated('us-east-1', ['a', 'f'])))).toEqual([]);
    expect(problemsOf((c) => (c.aws.regions['us-east-1'] = isolated('us-east-1', ['a', 'g'])))).toEqual([
      'test › aws.regions.us-east-1.network.availabilityZones[1] = "us-east-1g": is not an availability zone of us-east-1; its zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f. Fix: use zones of us-east-1, such as us-east-1a',
    ]);
  });
});

describe('Google Cloud regions', () => {
  test('a Cloud SQL region passes; one that does not exist names its neighbours', () => {
    expect(problemsOf((c) => c.gcp.regions.push('europe-west12'))).toEqual([]);
    expect(problemsOf((c) => c.gcp.regions.push('europe-west13'))).toEqual([
      'test › gcp.regions[2] = "europe-west13": is not a Google Cloud region Cloud SQL offers; regions like it: europe-central2, europe-north1, europe-north2, europe-southwest1, europe-west1, europe-west2, europe-west3, europe-west4, europe-west6, europe-west8, europe-west9, europe-west10, europe-west12. Fix: use the name of a Google Cloud region, such as europe-west1 or us-central1',
    ]);
  });

  test('an AWS region name given to Google', () => {
    expect(problemsOf((c) => c.gcp.regions.push('eu-west1'))).toEqual([
      'test › gcp.regions[2] = "eu-west1": is not a Google Cloud region Cloud SQL offers (it is named like the AWS region eu-west-1; Google names regions like europe-west1); regions like it: africa-south1, asia-east1, asia-east2, asia-northeast1, asia-northeast2, asia-northeast3, asia-south1, asia-south2, asia-southeast1, asia-southeast2, australia-southeast1, australia-southeast2, europe-central2, europe-north1, europe-north2, europe-southwest1, europe-west1, europe-west2, europe-west3, europe-west4, europe-west6, europe-west8, europe-west9, europe-west10, europe-west12, me-central1, me-central2, me-west1, northamerica-northeast1, northamerica-northeast2, northamerica-south1, southamerica-east1, southamerica-west1, us-central1, us-central2, us-east1, us-east4, us-east5, us-south1, us-west1, us-west2, us-west3, us-west4. Fix: use the name of a Google Cloud region, such as europe-west1 or us-central1',
    ]);
    expect(problemsOf((c) => c.gcp.regions.push('eu-west-1'))).toEqual([
      'test › gcp.regions[2] = "eu-west-1": must be a Google Cloud region name such as europe-west1. Fix: change gcp.regions[2] in config/test.ts',
    ]);
  });
});
