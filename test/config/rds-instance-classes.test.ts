/**
 * Instance classes that exist for the engine (and license) in the region, from the table generated out of cfn-lint's
 * RDS data; the catalog's sizes; classes an Aurora global database refuses.
 */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** The fixture with one more declared region (an isolated network), so databases can be placed there. */
function withRegion(config: any, region: string): void {
  config.aws.regions[region] = { network: { type: 'isolated', cidr: '10.60.0.0/16', availabilityZones: [`${region}a`, `${region}b`] } };
}

function rdsProblems(change: Record<string, unknown>, region?: string): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c: any) => {
      if (region) withRegion(c, region);
      Object.assign(c.databases[0], change);
    }),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

const PAYMENTS = { kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version: '16.9' };
function auroraProblems(change: Record<string, unknown>, region?: string): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c: any) => {
      if (region) withRegion(c, region);
      c.databases.push({ ...PAYMENTS, ...change });
    }),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

const SQL_SERVER_16 = '16.00.4215.2.v1';
const ORACLE_19 = '19.0.0.0.ru-2025-07.rur-2025-07.r1';

describe('the catalog has only sizes that exist', () => {
  test('Graviton generations stop at 16xlarge', () => {
    expect(rdsProblems({ instanceClass: 'db.m7g.16xlarge' })).toEqual([]);
    expect(rdsProblems({ instanceClass: 'db.m7g.24xlarge' })).toEqual([
      'test › orders › databases[0].instanceClass = "db.m7g.24xlarge": is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>). Fix: choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge',
    ]);
  });
});

describe('classes each engine offers in the region', () => {
  test('SQL Server Express runs db.t3 up to xlarge in eu-west-1', () => {
    const express = { engine: 'sqlserver-ex', version: SQL_SERVER_16, highAvailability: false };
    expect(rdsProblems({ ...express, instanceClass: 'db.t3.xlarge' })).toEqual([]);
    expect(rdsProblems({ ...express, instanceClass: 'db.t3.2xlarge' })).toEqual([
      'test › orders › databases[0].instanceClass = "db.t3.2xlarge": is not offered for SQL Server Express Edition (license-included) in eu-west-1; offered there: db.t3.{micro,small,medium,large,xlarge}. Fix: choose one of those classes, such as db.t3.micro',
    ]);
  });

  test('SQL Server Enterprise starts at xlarge', () => {
    expect(rdsProblems({ engine: 'sqlserver-ee', version: SQL_SERVER_16, instanceClass: 'db.m5.xlarge' })).toEqual([]);
    expect(rdsProblems({ engine: 'sqlserver-ee', version: SQL_SERVER_16, instanceClass: 'db.m5.large' })).toEqual([
      'test › orders › databases[0].instanceClass = "db.m5.large": is not offered for SQL Server Enterprise Edition (license-included) in eu-west-1; offered there: db.t3.{xlarge,2xlarge}, db.m5.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.m6i.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.m7i.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r5.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r6i.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r7i.{xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}. Fix: choose one of those classes, such as db.t3.xlarge',
    ]);
  });

  test('Oracle SE2: the license model decides (db.m7i only with bring-your-own-license in eu-west-1)', () => {
    const se2 = { engine: 'oracle-se2', version: ORACLE_19, instanceClass: 'db.m7i.large' };
    expect(rdsProblems({ ...se2, licenseModel: 'bring-your-own-license' })).toEqual([]);
    expect(rdsProblems({ ...se2, licenseModel: 'license-included' })).toEqual([
      'test › orders › databases[0].instanceClass = "db.m7i.large": is not offered for Oracle Standard Edition Two (license-included) in eu-west-1; offered there: db.t3.{small,medium,large,xlarge,2xlarge}, db.m5.{large,xlarge,2xlarge,4xlarge}, db.r5.{large,xlarge,2xlarge,4xlarge}, db.r6i.{large,xlarge,2xlarge,4xlarge}. Fix: choose one of those classes, such as db.m5.large',
    ]);
  });

  test('PostgreSQL in ca-west-1 has no db.t4g', () => {
    expect(rdsProblems({ region: 'ca-west-1', instanceClass: 'db.t3.medium' }, 'ca-west-1')).toEqual([]);
    expect(rdsProblems({ region: 'ca-west-1', instanceClass: 'db.t4g.medium' }, 'ca-west-1')).toEqual([
      'test › orders › databases[0].instanceClass = "db.t4g.medium": is not offered for PostgreSQL (postgresql-license) in ca-west-1; offered there: db.t3.{micro,small,medium,large,xlarge,2xlarge}, db.m6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.m6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.r6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}. Fix: choose one of those classes, such as db.t3.medium',
    ]);
  });

  test("a replica in another region is checked against that region's classes", () => {
    expect(rdsProblems({ instanceClass: 'db.r6i.large', replicas: [{ region: 'ca-west-1' }] }, 'ca-west-1')).toEqual([]);
    expect(rdsProblems({ instanceClass: 'db.r7i.large', replicas: [{ region: 'ca-west-1' }] }, 'ca-west-1')).toEqual([
      'test › orders › databases[0].replicas[0].instanceClass = "db.r7i.large": is not offered for PostgreSQL (postgresql-license) in ca-west-1; offered there: db.t3.{micro,small,medium,large,xlarge,2xlarge}, db.m6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.m6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.r6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}. Fix: choose one of those classes, such as db.r6g.large',
    ]);
  });
});

describe('Aurora classes', () => {
  test("a secondary region must offer the cluster's class (eu-central-2 has no db.r7i for Aurora PostgreSQL)", () => {
    expect(auroraProblems({ instanceClass: 'db.r6i.large', secondaryRegions: ['eu-central-2'] }, 'eu-central-2')).toEqual([]);
    expect(auroraProblems({ instanceClass: 'db.r7i.large', secondaryRegions: ['eu-central-2'] }, 'eu-central-2')).toEqual([
      'test › payments › databases[2].instanceClass = "db.r7i.large": is not offered for Aurora PostgreSQL in eu-central-2; offered there: db.t3.{medium,large}, db.t4g.{medium,large}, db.r5.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r6g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}, db.r6i.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge}, db.r7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}. Fix: choose one of those classes, such as db.r5.large',
    ]);
  });

  test('a global database refuses burstable classes; a regional cluster takes them', () => {
    expect(auroraProblems({ instanceClass: 'db.t4g.medium' })).toEqual([]);
    expect(auroraProblems({ instanceClass: 'db.r7g.large', secondaryRegions: ['eu-central-1'] })).toEqual([]);
    expect(auroraProblems({ instanceClass: 'db.t4g.medium', secondaryRegions: ['eu-central-1'] })).toEqual([
      'test › payments › databases[2].instanceClass = "db.t4g.medium": is a burstable class, which an Aurora global database refuses (it requires memory-optimized db.r classes). Fix: choose a db.r class such as db.r7g.large, or remove secondaryRegions',
    ]);
  });
});
