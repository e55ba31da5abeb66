import { RDS_ALARM_IDS, RDS_ALARMS, RdsAlarmContext } from '../../constructs/aws/rds/tables/rds-alarm-catalog';
import { rdsAlarmDefinitions } from '../../constructs/aws/rds/tables/rds-alarm-definitions';
import { DATABASE_ALARMS } from '../../constructs/common/alarm-catalog';

const GIB = 1024 ** 3;
const primary: RdsAlarmContext = { role: 'primary', parameterFamily: 'postgres', memoryGiB: 32, allocatedStorageGiB: 500, maxConnections: 3000 };
const thresholds = (ctx: RdsAlarmContext, overrides = {}) =>
  Object.fromEntries(rdsAlarmDefinitions('prod-orders', ctx, overrides).map((d) => [d.id, d.threshold]));

describe('RDS alarm catalog', () => {
  test('ids are unique and every alarm comes in the severities the catalog states', () => {
    expect(new Set(RDS_ALARM_IDS).size).toBe(RDS_ALARMS.length);
    expect(RDS_ALARMS.every((row) => row.id.endsWith(`-${row.severity}`))).toBe(true);
  });

  test('a primary: thresholds from memory, storage and the connection cap', () => {
    expect(thresholds(primary)).toEqual({
      'cpu-warning': 80,
      'cpu-critical': 90,
      'memory-warning': Math.floor(32 * GIB * 0.2),
      'memory-critical': Math.floor(32 * GIB * 0.1),
      'storage-warning': Math.floor(500 * GIB * 0.3),
      'storage-critical': Math.floor(500 * GIB * 0.15),
      'connections-warning': 2400,
      'connections-critical': 2700,
      'read-latency-warning': 0.02,
      'write-latency-warning': 0.02,
      'disk-queue-warning': 20,
      'deadlocks-warning': 0,
    });
  });

  test("the critical CPU and storage thresholds are the cloud-neutral catalog's", () => {
    const common = Object.fromEntries(DATABASE_ALARMS.map((row) => [row.id, row.thresholdPercent]));
    expect(thresholds(primary)['cpu-critical']).toBe(common['cpu-high']);
    expect(thresholds(primary)['storage-critical']).toBe(Math.floor((500 * GIB * common['storage-low']) / 100));
  });

  test('a replica adds replica lag (30 s warning, 300 s critical) and has no deadlock alarm', () => {
    const replica = thresholds({ ...primary, role: 'replica' });
    expect(replica).toMatchObject({ 'replica-lag-warning': 30, 'replica-lag-critical': 300 });
    expect(replica['deadlocks-warning']).toBeUndefined();
  });

  test('a burstable class adds CPU credits; other engines than PostgreSQL have no deadlock alarm', () => {
    const burstable = thresholds({ ...primary, parameterFamily: 'mysql', cpuCreditsPerHour: 36 });
    expect(burstable['cpu-credits-warning']).toBe(Math.floor(36 * 24 * 0.2));
    expect(burstable['deadlocks-warning']).toBeUndefined();
  });

  test('overrides win, by alarm id', () => {
    expect(thresholds(primary, { 'cpu-warning': 70, 'replica-lag-warning': 10 })).toMatchObject({ 'cpu-warning': 70 });
  });

  test('descriptions state the condition, the severity and the first thing to check', () => {
    const memory = rdsAlarmDefinitions('prod-orders', primary).find((d) => d.id === 'memory-critical')!;
    expect(memory.description).toBe(
      '[critical] prod-orders: freeable memory below 3.2 GiB (10% of 32 GiB). Check connection count and per-connection memory (work_mem, sort buffers); the class may be too small.',
    );
  });
});
