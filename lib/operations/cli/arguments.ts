/** Parses a dbctl command line. Every mistake is a usage error with an exact message (see test/operations). */
import { usageError } from '../operation-error';
import { COMMANDS, CommandSpec, commandNames, findCommand, GLOBAL_OPTIONS, OptionSpec } from './commands';

export interface ParsedArguments {
  /** Undefined with `dbctl --help` alone. */
  readonly command?: CommandSpec;
  readonly help: boolean;
  readonly options: Readonly<Record<string, string | true>>;
}

const ALL_OPTIONS = new Map<string, OptionSpec>([...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)].map((o) => [o.name, o]));

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '-h') {
      options.help = true;
      continue;
    }
    if (/^-[^-]/.test(token)) throw usageError(`Unknown option '${token}'.`);
    if (!token.startsWith('--')) {
      positional.push(token);
      continue;
    }
    const [name, inline] = splitOption(token.slice(2));
    const spec = ALL_OPTIONS.get(name);
    if (!spec) {
      options[name] = inline ?? true;
      continue;
    }
    if (options[name] !== undefined) throw usageError(`Option '--${name}' given twice.`);
    if (spec.value) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw usageError(`Option '--${name}' needs a value ${spec.value}.`);
      if (inline === undefined) i++;
      options[name] = value;
    } else {
      if (inline !== undefined) throw usageError(`Option '--${name}' takes no value.`);
      options[name] = true;
    }
  }

  const [commandName, ...extra] = positional[0] === 'help' ? positional.slice(1) : positional;
  const help = options.help === true || positional[0] === 'help';
  const command = commandName === undefined ? undefined : findCommand(commandName);
  if (commandName !== undefined && !command) throw usageError(`Unknown command '${commandName}'. Commands: ${commandNames().join(', ')}.`);
  if (help) return { command, help, options };
  if (!command) throw usageError(`Missing command. Commands: ${commandNames().join(', ')}.`);
  const allowed = new Set([...GLOBAL_OPTIONS, ...command.options].map((o) => o.name));
  const unknown = Object.keys(options).find((name) => !allowed.has(name));
  if (unknown) throw usageError(`Unknown option '--${unknown}' for 'dbctl ${command.name}'.`);
  if (extra.length > 0) throw usageError(`Unexpected argument '${extra[0]}'.`);
  const missing = command.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) throw usageError(`Missing required option '--${missing.name}' for 'dbctl ${command.name}'.`);
  return { command, help, options };
}

function splitOption(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** `--endpoint-url`: an http(s) URL. */
export function parseEndpointUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw usageError(`Invalid '--endpoint-url' value '${text}': expected an http:// or https:// URL.`);
  }
  return text;
}

export const MAX_TIMEOUT_MINUTES = 1440;

/** `--timeout`: whole minutes 1–1440, or seconds with an `s` suffix (`90s`, at least 10 s); in milliseconds. */
export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = /^\d+s$/.test(text) ? Number(text.slice(0, -1)) : /^\d+$/.test(text) ? Number(text) * 60 : NaN;
  if (!(seconds >= 10 && seconds <= MAX_TIMEOUT_MINUTES * 60)) {
    throw usageError(
      `Invalid '--timeout' value '${text}': expected whole minutes from 1 to ${MAX_TIMEOUT_MINUTES}, or seconds from 10s to ${MAX_TIMEOUT_MINUTES * 60}s.`,
    );
  }
  return seconds * 1000;
}
