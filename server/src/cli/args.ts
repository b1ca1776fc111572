/** A small, strict argument reader: unknown flags are usage errors, never silently ignored. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value; true means the flag may repeat. */
  readonly values: Readonly<Record<string, boolean>>;
  /** Flags without a value. */
  readonly switches?: readonly string[];
}

export interface ParsedArgs {
  readonly values: Map<string, string[]>;
  readonly switches: Set<string>;
  readonly positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    if (spec.switches?.includes(flag)) {
      switches.add(flag);
      continue;
    }
    if (!(flag in spec.values)) throw new UsageError(`unknown option ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    const list = values.get(flag) ?? [];
    if (list.length > 0 && !spec.values[flag]) throw new UsageError(`${flag} may be given only once`);
    list.push(value);
    values.set(flag, list);
  }
  return { values, switches, positionals };
}

function splitInline(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

export function single(args: ParsedArgs, flag: string): string | undefined {
  return args.values.get(flag)?.[0];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
}
