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

// The compact decoder runs on the first lint of a newly opened file, before the JIT has warmed up
// (EC2 alone has some 700 actions): its checks are inline and their messages are only put together
// when one fails.

function decodeCompact(summary: ServiceSummary, obj: Record<string, unknown>): ServiceInfo {
  const p = summary.prefix;
  const service = p;
  const fail = (what: string): never => {
    throw new FormatError(p, what);
  };
  const rows = (value: unknown, what: string): readonly unknown[] => {
    if (value === undefined) return EMPTY;
    return Array.isArray(value) ? value : fail(`${what} is not an array`);
  };

  const keyRows = rows(obj['k'], 'k');
  const conditionKeys = new Array<ConditionKeyInfo>(keyRows.length);
  for (let i = 0; i < keyRows.length; i++) {
    const r = keyRows[i];
    if (!Array.isArray(r)) return fail(`k[${i}] is not an array`);
    const key = r[0];
    if (typeof key !== 'string') return fail(`k[${i}] key is not a string`);
    conditionKeys[i] = { key, description: typeof r[1] === 'string' ? r[1] : '', type: parseType(r[2]) };
  }
  // Condition keys by index (or, in older data, by name).
  const keyRefs = (value: unknown, where: () => string): readonly string[] => {
    if (value === undefined) return EMPTY;
    if (!Array.isArray(value)) return fail(`${where()} condition keys is not an array`);
    if (value.length === 0) return EMPTY;
    const keys = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) {
      const ref: unknown = value[i];
      if (typeof ref === 'number') {
        const info = conditionKeys[ref];
        if (!info) return fail(`${where()} condition keys: condition key index ${ref} out of range`);
        keys[i] = info.key;
      } else if (typeof ref === 'string') keys[i] = ref;
      else return fail(`${where()} condition keys is not a string`);
    }
    return keys;
  };
  const names = (value: unknown, where: () => string): readonly string[] => {
    if (value === undefined) return EMPTY;
    if (!Array.isArray(value)) return fail(`${where()} dependent actions is not an array`);
    if (value.length === 0) return EMPTY;
    for (const item of value) if (typeof item !== 'string') return fail(`${where()} dependent actions is not a string`);
    return value as string[];
  };

  const typeRows = rows(obj['r'], 'r');
  const resourceTypes = new Array<ResourceTypeInfo>(typeRows.length);
  for (let i = 0; i < typeRows.length; i++) {
    const r = typeRows[i];
    if (!Array.isArray(r)) return fail(`r[${i}] is not an array`);
    const name = r[0];
    if (typeof name !== 'string') return fail(`r[${i}] name is not a string`);
    resourceTypes[i] = { service, name, arnFormat: typeof r[1] === 'string' ? r[1] : '', conditionKeys: keyRefs(r[2], () => `r[${i}]`) };
  }

  const actionRows = rows(obj['a'], 'a');
  const actions = new Array<ActionInfo>(actionRows.length);
  for (let i = 0; i < actionRows.length; i++) {
    const r = actionRows[i];
    if (!Array.isArray(r)) return fail(`a[${i}] is not an array`);
    const name = r[0];
    if (typeof name !== 'string') return fail(`a[${i}] name is not a string`);
    let description = typeof r[1] === 'string' ? r[1] : '';
    let accessLevel: AccessLevel;
    const level: unknown = r[2];
    if (typeof level === 'number') {
      if (level >= 10) description = GRANTS + description;
      accessLevel = COMPACT_LEVELS[level % 10] ?? 'Write';
    } else if (typeof level === 'string') {
      accessLevel = parseAccessLevel(level);
    } else {
      return fail(`${name} access level is not a string`);
    }
    const typeRefs = rows(r[3], `${name} resource types`);
    let types: readonly ActionResourceType[] = EMPTY;
    if (typeRefs.length > 0) {
      const list = new Array<ActionResourceType>(typeRefs.length);
      for (let j = 0; j < typeRefs.length; j++) {
        const rt = typeRefs[j];
        if (!Array.isArray(rt)) return fail(`${name} resource type ${j} is not an array`);
        const ref: unknown = rt[0];
        let typeName: string;
        if (typeof ref === 'number') {
          const target = resourceTypes[ref];
          if (!target) return fail(`${name}: resource type index ${ref} out of range`);
          typeName = target.name;
        } else if (typeof ref === 'string') {
          typeName = ref;
        } else {
          return fail(`${name} resource type name is not a string`);
        }
        const where = () => `${name}/${typeName}`;
        list[j] = { name: typeName, required: rt[1] === 1 || rt[1] === true, conditionKeys: keyRefs(rt[2], where), dependentActions: names(rt[3], where) };
      }
      types = list;
    }
    const where = () => name;
    actions[i] = { service, name, description, accessLevel, resourceTypes: types, conditionKeys: keyRefs(r[4], where), dependentActions: names(r[5], where) };
  }

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
