import * as entry from '../../constructs';

test('the package entry point exports the RDS constructs and their tables', () => {
  expect(Object.keys(entry)).toEqual(expect.arrayContaining([
    'RdsDatabase', 'RdsReadReplica', 'DatabaseDashboard', 'RDS_ENGINE_TABLE', 'RDS_ALARMS', 'RDS_PARAMETER_CATALOGS', 'rdsInstanceProblems', 'rdsParameters',
  ]));
});
