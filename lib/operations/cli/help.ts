/** Help texts, built from the command table. */
import { textTable } from '../report/text-table';
import { COMMANDS, CommandSpec, GLOBAL_OPTIONS, OptionSpec } from './commands';

const optionRows = (options: readonly OptionSpec[]) =>
  options.map((o) => [`  --${o.name}${o.value ? ` ${o.value}` : ''}`, `${o.help}${o.required ? ' Required.' : ''}`]);

function table(rows: string[][]): string {
  return textTable(['', ''], rows).split('\n').slice(1).join('\n');
}

export function mainHelp(): string {
  return [
    'dbctl: operations on the databases of an environment, from its config.',
    '',
    'Usage: dbctl <command> [options]',
    '',
    'Commands:',
    table(COMMANDS.map((c) => [`  ${c.name}`, c.summary])),
    '',
    'Options of every command:',
    table(optionRows(GLOBAL_OPTIONS)),
    '',
    'AWS credentials come from the standard SDK chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles); each database',
    'is read in the region its config names. Run dbctl <command> --help for a command. Docs: docs/operations.md',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    ...command.description,
    '',
    'Options:',
    table(optionRows([...command.options, ...GLOBAL_OPTIONS])),
  ].join('\n');
}
