import * as entry from '../../constructs';

test('the package entry point exports the RDS constructs and their tables', () => {
  expect(Object.keys(entry)).toEqual(expect.arrayContaining([
    'RdsDatabase', 'RdsReadReplica', 'DatabaseDashboard', 'RDS_ENGINE_TABLE', 'RDS_ALARMS', 'RDS_PARAMETER_CATALOGS', 'rdsInstanceProblems', 'rdsParameters',
  ]));
});

test('the package entry point exports the Aurora construct and its tables', () => {
  expect(Object.keys(entry)).toEqual(expect.arrayContaining(['AuroraCluster', 'auroraClusterProblems', 'AURORA_ENGINE_TABLE', 'AURORA_ALARMS', 'auroraParameters']));
});
