/**
 * Real SDK clients pointed at moto, with a tap on every RDS call: tests record what dbctl sends (to prove it never
 * modifies the source) and inject failures or slow restores into otherwise real calls.
 */
import { AwsClientOptions, AwsClients, createAwsClients } from '../../../lib/operations/aws/aws-clients';

export interface RdsCall {
  readonly command: string;
  readonly input: Record<string, any>;
}

/** Called around each RDS call; `send()` performs the real call against moto. */
export type RdsTap = (call: RdsCall, send: () => Promise<{ output: any }>) => Promise<{ output: any }>;

export const MUTATING_RDS_COMMANDS = /^(Restore|Delete|Modify|Create|Reboot|Stop|Start|Promote|Failover|AddTags|RemoveTags)/;

export function tappedClients(tap: RdsTap, calls: RdsCall[] = []): (options: AwsClientOptions) => AwsClients {
  return (options) => {
    const clients = createAwsClients(options);
    const tapped = new Set<unknown>();
    return {
      ...clients,
      rds: (region) => {
        const client = clients.rds(region);
        if (!tapped.has(client)) {
          tapped.add(client);
          client.middlewareStack.add(
            (next, context) => async (args) => {
              const call = { command: String(context.commandName).replace(/Command$/, ''), input: args.input as Record<string, any> };
              calls.push(call);
              return (await tap(call, () => next(args) as Promise<{ output: any }>)) as any;
            },
            { step: 'initialize', name: 'testTap' },
          );
        }
        return client;
      },
    };
  };
}

/** A tap that only records. */
export const passThrough: RdsTap = (_call, send) => send();

/** A tap under which the scratch copy never leaves `creating` (a slow restore), whatever moto says. */
export function slowRestore(scratchPattern: RegExp): RdsTap {
  return async (call, send) => {
    const result = await send();
    if (call.command === 'DescribeDBInstances') {
      for (const instance of result.output.DBInstances ?? []) {
        if (scratchPattern.test(instance.DBInstanceIdentifier)) instance.DBInstanceStatus = 'creating';
      }
    }
    return result;
  };
}
