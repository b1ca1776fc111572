import type {
  AccessLevel,
  ActionInfo,
  ActionResourceType,
  ConditionKeyInfo,
  ConditionKeyType,
  ResourceTypeInfo,
  ServiceInfo,
  ServiceSummary,
} from './types';

/**
 * Decoding of one service's data into ServiceInfo. Two input formats are accepted:
 *
 * 1. The compact format written by scripts/build-catalog.mjs (`"v": 1`; see the comment at the top
 *    of that script, which this decoder must stay in sync with).
 * 2. The plain format below, convenient for hand-written data such as test fixtures.
 */

/** Plain, readable service data; omitted arrays default to empty, `required` to false. */
export interface PlainServiceData {
  readonly name?: string;
  readonly actions: readonly {
    readonly name: string;
    readonly description?: string;
    readonly accessLevel: AccessLevel;
    readonly resourceTypes?: readonly {
      readonly name: string;
      readonly required?: boolean;
      readonly conditionKeys?: readonly string[];
      readonly dependentActions?: readonly string[];
    }[];
    readonly conditionKeys?: readonly string[];
    readonly dependentActions?: readonly string[];
  }[];
  readonly resourceTypes?: readonly {
    readonly name: string;
    readonly arnFormat: string;
    readonly conditionKeys?: readonly string[];
  }[];
  readonly conditionKeys?: readonly {
    readonly key: string;
    readonly description?: string;
    readonly type: ConditionKeyType;
  }[];
}

/** Condition key types in compact-format index order (shared with scripts/build-catalog.mjs). */
export const COMPACT_TYPES: readonly ConditionKeyType[] = [
  'String',
  'ARN',
  'Bool',
  'Date',
  'IPAddress',
  'Numeric',
  'Binary',
  'ArrayOfString',
  'ArrayOfARN',
  'ArrayOfBool',
  'ArrayOfDate',
  'ArrayOfNumeric',
];

/** Access levels in compact-format index order (shared with scripts/build-catalog.mjs). */
export const COMPACT_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

const GRANTS = 'Grants permission to ';
const EMPTY: readonly never[] = Object.freeze([]);

class FormatError extends Error {
  constructor(prefix: string, what: string) {
    super(`IAM catalogue: malformed data for service "${prefix}": ${what}`);
    this.name = 'CatalogFormatError';
  }
}

/** Decodes raw service data (compact or plain) for the service described by `summary`. */
export function decodeService(summary: ServiceSummary, raw: unknown): ServiceInfo {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FormatError(summary.prefix, 'expected an object');
  }
  const obj = raw as Record<string, unknown>;
  if (obj['v'] !== undefined) {
    if (obj['v'] !== 1) throw new FormatError(summary.prefix, `unsupported format version ${String(obj['v'])}`);
    return decodeCompact(summary, obj);
  }
  return decodePlain(summary, obj as unknown as PlainServiceData);
}

/** Parses "Tagging, Write"-style or plain access levels; unknown values fall back to Write. */
export function parseAccessLevel(value: string): AccessLevel {
  const parts = value.split(',').map((s) => s.trim().toLowerCase());
  for (const level of ['Permissions management', 'Tagging', 'Write', 'Read', 'List'] as const) {
    if (parts.includes(level.toLowerCase())) return level;
  }
  return 'Write';
}

function parseType(value: unknown): ConditionKeyType {
  if (typeof value === 'number' && COMPACT_TYPES[value] !== undefined) return COMPACT_TYPES[value];
  if (typeof value === 'string') {
    const found = COMPACT_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
    if (found) return found;
  }
  return 'String';
}

function arr(prefix: string, value: unknown, what: string): readonly unknown[] {
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value)) throw new FormatError(prefix, `${what} is not an array`);
  return value;
}

function str(prefix: string, value: unknown, what: string): string {
  if (typeof value !== 'string') throw new FormatError(prefix, `${what} is not a string`);
  return value;
}

function strings(prefix: string, value: unknown, what: string): readonly string[] {
  const list = arr(prefix, value, what);
  if (list.length === 0) return EMPTY;
  return list.map((v) => str(prefix, v, what));
}

function decodeCompact(summary: ServiceSummary, obj: Record<string, unknown>): ServiceInfo {
  const p = summary.prefix;
  const service = p;

  const conditionKeys: ConditionKeyInfo[] = arr(p, obj['k'], 'k').map((row, i) => {
    const r = arr(p, row, `k[${i}]`);
    return { key: str(p, r[0], `k[${i}] key`), description: typeof r[1] === 'string' ? r[1] : '', type: parseType(r[2]) };
  });
  const keyRefs = (value: unknown, what: string): readonly string[] => {
    const list = arr(p, value, what);
    if (list.length === 0) return EMPTY;
    return list.map((ref) => {
      if (typeof ref === 'number') {
        const ck = conditionKeys[ref];
        if (!ck) throw new FormatError(p, `${what}: condition key index ${ref} out of range`);
        return ck.key;
      }
      return str(p, ref, what);
    });
  };

  const resourceTypes: ResourceTypeInfo[] = arr(p, obj['r'], 'r').map((row, i) => {
    const r = arr(p, row, `r[${i}]`);
    return {
      service,
      name: str(p, r[0], `r[${i}] name`),
      arnFormat: typeof r[1] === 'string' ? r[1] : '',
      conditionKeys: keyRefs(r[2], `r[${i}] condition keys`),
    };
  });

  const actions: ActionInfo[] = arr(p, obj['a'], 'a').map((row, i) => {
    const r = arr(p, row, `a[${i}]`);
    const name = str(p, r[0], `a[${i}] name`);
    let description = typeof r[1] === 'string' ? r[1] : '';
    let accessLevel: AccessLevel;
    const level = r[2];
    if (typeof level === 'number') {
      if (level >= 10) description = GRANTS + description;
      accessLevel = COMPACT_LEVELS[level % 10] ?? 'Write';
    } else {
      accessLevel = parseAccessLevel(str(p, level, `${name} access level`));
    }
    const rts: ActionResourceType[] = arr(p, r[3], `${name} resource types`).map((rtRow, j) => {
      const rt = arr(p, rtRow, `${name} resource type ${j}`);
      let rtName: string;
      if (typeof rt[0] === 'number') {
        const target = resourceTypes[rt[0]];
        if (!target) throw new FormatError(p, `${name}: resource type index ${rt[0]} out of range`);
        rtName = target.name;
      } else {
        rtName = str(p, rt[0], `${name} resource type name`);
      }
      return {
        name: rtName,
        required: rt[1] === 1 || rt[1] === true,
        conditionKeys: keyRefs(rt[2], `${name}/${rtName} condition keys`),
        dependentActions: strings(p, rt[3], `${name}/${rtName} dependent actions`),
      };
    });
    return {
      service,
      name,
      description,
      accessLevel,
      resourceTypes: rts.length ? rts : EMPTY,
      conditionKeys: keyRefs(r[4], `${name} condition keys`),
      dependentActions: strings(p, r[5], `${name} dependent actions`),
    };
  });

  return { prefix: summary.prefix, name: summary.name, actions, resourceTypes, conditionKeys };
}

function decodePlain(summary: ServiceSummary, data: PlainServiceData): ServiceInfo {
  const p = summary.prefix;
  const service = p;
  const actions: ActionInfo[] = arr(p, data.actions, 'actions').map((raw, i) => {
    const a = raw as PlainServiceData['actions'][number];
    const name = str(p, a?.name, `actions[${i}].name`);
    return {
      service,
      name,
      description: a.description ?? '',
      accessLevel: parseAccessLevel(str(p, a.accessLevel, `${name}.accessLevel`)),
      resourceTypes: arr(p, a.resourceTypes, `${name}.resourceTypes`).map((rawRt) => {
        const rt = rawRt as NonNullable<typeof a.resourceTypes>[number];
        return {
          name: str(p, rt?.name, `${name}.resourceTypes[].name`),
          required: rt.required === true,
          conditionKeys: strings(p, rt.conditionKeys, `${name}.resourceTypes[].conditionKeys`),
          dependentActions: strings(p, rt.dependentActions, `${name}.resourceTypes[].dependentActions`),
        };
      }),
      conditionKeys: strings(p, a.conditionKeys, `${name}.conditionKeys`),
      dependentActions: strings(p, a.dependentActions, `${name}.dependentActions`),
    };
  });
  const resourceTypes: ResourceTypeInfo[] = arr(p, data.resourceTypes, 'resourceTypes').map((raw, i) => {
    const rt = raw as NonNullable<PlainServiceData['resourceTypes']>[number];
    return {
      service,
      name: str(p, rt?.name, `resourceTypes[${i}].name`),
      arnFormat: str(p, rt.arnFormat, `resourceTypes[${i}].arnFormat`),
      conditionKeys: strings(p, rt.conditionKeys, `resourceTypes[${i}].conditionKeys`),
    };
  });
  const conditionKeys: ConditionKeyInfo[] = arr(p, data.conditionKeys, 'conditionKeys').map((raw, i) => {
    const ck = raw as NonNullable<PlainServiceData['conditionKeys']>[number];
    return {
      key: str(p, ck?.key, `conditionKeys[${i}].key`),
      description: ck.description ?? '',
      type: parseType(ck.type),
    };
  });
  return { prefix: summary.prefix, name: summary.name, actions, resourceTypes, conditionKeys };
}
