/** Reads CloudWatch metric alarms by name: at most 100 names per DescribeAlarms call, every page of each. */
import { MetricAlarm, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { awsCollect } from './aws-call';
import type { AwsClients } from './aws-clients';

const NAMES_PER_CALL = 100;

export async function readMetricAlarms(clients: AwsClients, region: string, names: readonly string[]): Promise<Map<string, MetricAlarm>> {
  const found = new Map<string, MetricAlarm>();
  for (let start = 0; start < names.length; start += NAMES_PER_CALL) {
    const chunk = names.slice(start, start + NAMES_PER_CALL);
    const alarms = await awsCollect(
      { action: 'cloudwatch:DescribeAlarms', region, resource: chunk.length === 1 ? chunk[0] : `${chunk.length} alarms`, endpoint: clients.endpointUrl },
      () => paginateDescribeAlarms({ client: clients.cloudwatch(region) }, { AlarmNames: chunk, AlarmTypes: ['MetricAlarm'] }),
      (page) => page.MetricAlarms,
    );
    for (const alarm of alarms) if (alarm.AlarmName) found.set(alarm.AlarmName, alarm);
  }
  return found;
}
