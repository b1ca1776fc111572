import type { Catalog } from '../../catalog/catalog';
import type { ActionInfo, ConditionKeyInfo, ResourceTypeInfo } from '../../catalog/types';
import { MemoSlot, memoized } from '../../document/memo';
import type { Statement } from '../../document/model';
import { hasWildcard } from '../../match/wildcard';
import { arnFormatToGlob, arnGlobsIntersect, resourceToGlob } from './arnGlob';
import { globsIntersect } from './globs';
import { ownString } from '../../document/ownString';
import { PolicyResultCache } from './policyResults';

/** What a service's ARN formats allow in the region and account fields. */
export interface ServiceArnShape {
  readonly regionAllowed: boolean;
  readonly regionRequired: boolean;
  readonly accountAllowed: boolean;
  readonly accountRequired: boolean;
  /** One glob per resource type, e.g. `arn:*:s3:::*\/*` for S3 objects, and its part after the fifth colon. */
  readonly resourceGlobs: readonly { readonly type: ResourceTypeInfo; readonly glob: string; readonly resourcePart: string }[];
}

// User-typed patterns are few, but a long editing session must not grow a table without bound (and
// keys are stored as ownString copies, so that no table keeps old versions of a document alive).
const MAX_ENTRIES = 4096;

/**
 * Lookups several rules need, computed once. The catalogue never changes once loaded, so the
 * cache hangs off the catalogue and survives from one keystroke's lint to the next: expanding
 * `s3:Get*` or compiling S3's ARN formats happens once per session, not once per rule per edit.
 */
export class LintCache {
  private readonly actions = new Map<string, readonly ActionInfo[]>();
  private readonly keys = new Map<string, ConditionKeyInfo | null>();
  private readonly shapes = new Map<string, ServiceArnShape | null>();
  private readonly actionGlobs = new WeakMap<ActionInfo, readonly string[]>();
  private readonly actionKeys = new WeakMap<ActionInfo, ReadonlySet<string>>();
  private readonly serviceSuggestions = new Map<string, string | null>();
  private readonly actionSuggestions = new Map<string, string | null>();
  private readonly candidates = new Map<string, readonly ServiceArnShape['resourceGlobs'][number][]>();
  /** Format glob → resource glob → whether they intersect. */
  private readonly intersections = new Map<string, Map<string, boolean>>();
  private readonly formatGlobs = new Map<string, string>();
  /** A slot of this cache's own: what a statement's actions are depends on the catalogue. */
  private readonly statementActionsSlot = new MemoSlot<readonly ActionInfo[] | undefined>('statement actions');

  /** Findings per policy from earlier lints against this catalogue; see lintFile. */
  readonly policyResults = new PolicyResultCache();
  private globalKeySet: ReadonlySet<string> | undefined;
  /** By listed action name: a few dozen names from the rules' own lists. */
  private readonly scopable = new Map<string, boolean>();

  constructor(readonly catalog: Catalog) {}

  /** The global condition keys, lower-case. */
  globalConditionKeys(): ReadonlySet<string> {
    this.globalKeySet ??= new Set(this.catalog.globalConditionKeys().map((info) => info.key.toLowerCase()));
    return this.globalKeySet;
  }

  /**
   * Whether an action of a fixed list ("iam:PassRole", ...) takes some resource type, or is one this
   * catalogue does not know (the lists are curated): only those can be scoped down. Asked only for
   * the listed actions a policy grants, so that a first lint loads no service the policy does not
   * name (loading every listed service made a cold start slower).
   */
  isScopable(name: string): boolean {
    let scopable = this.scopable.get(name);
    if (scopable === undefined) {
      const action = this.catalog.actionFromString(name);
      scopable = !action || action.resourceTypes.length > 0;
      this.scopable.set(name, scopable);
    }
    return scopable;
  }

  static for(catalog: Catalog): LintCache {
    let cache = CACHES.get(catalog);
    if (!cache) {
      cache = new LintCache(catalog);
      CACHES.set(catalog, cache);
    }
    return cache;
  }

  /** The actions an Action entry names (case-insensitive wildcards); empty for malformed text. */
  actionsMatching(pattern: string): readonly ActionInfo[] {
    const key = pattern.toLowerCase();
    let found = this.actions.get(key);
    if (!found) {
      found = this.catalog.actionsMatching(pattern);
      bounded(this.actions).set(ownString(key), found);
    }
    return found;
  }

  /** "Did you mean" for a service prefix; edit distances over every prefix are worth keeping. */
  suggestService(prefix: string): string | undefined {
    const lower = prefix.toLowerCase();
    let found = this.serviceSuggestions.get(lower);
    if (found === undefined) {
      found = this.catalog.suggestService(prefix) ?? null;
      bounded(this.serviceSuggestions).set(ownString(lower), found);
    }
    return found ?? undefined;
  }

  /** "Did you mean" for an action of a known service; the answer depends on the letters only, not their case. */
  suggestAction(service: string, actionName: string): string | undefined {
    const key = `${service.toLowerCase()}:${actionName.toLowerCase()}`;
    let found = this.actionSuggestions.get(key);
    if (found === undefined) {
      found = this.catalog.suggestAction(service, actionName) ?? null;
      bounded(this.actionSuggestions).set(ownString(key), found);
    }
    return found ?? undefined;
  }

  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    let found = this.keys.get(lower);
    if (found === undefined) {
      found = this.catalog.conditionKey(key) ?? null;
      bounded(this.keys).set(ownString(lower), found);
    }
    return found ?? undefined;
  }

  /**
   * The ARN formats whose service field is `arnService`. Services list other services' resource
   * types too (EC2 lists IAM roles), so the formats are filtered on that field, not on the prefix.
   */
  arnShape(arnService: string): ServiceArnShape | undefined {
    const lower = arnService.toLowerCase();
    let shape = this.shapes.get(lower);
    if (shape === undefined) {
      shape = computeShape(this.catalog, lower) ?? null;
      bounded(this.shapes).set(ownString(lower), shape);
    }
    return shape ?? undefined;
  }

  /**
   * The actions a statement's Action element names, or undefined when it cannot be listed cheaply
   * and honestly: NotAction, "*", or a wildcard in a service prefix.
   */
  statementActions(statement: Statement): readonly ActionInfo[] | undefined {
    return memoized(statement, this.statementActionsSlot, () => {
      if (statement.action?.keyword !== 'Action') return undefined;
      const result: ActionInfo[] = [];
      for (const entry of statement.action.values) {
        const colon = entry.value.indexOf(':');
        if (colon <= 0 || hasWildcard(entry.value.slice(0, colon))) return undefined;
        result.push(...this.actionsMatching(entry.value));
      }
      return result;
    });
  }

  /**
   * The resource types of `arnService` whose resource part could match `resourcePart` (a policy
   * ARN's text after the fifth colon). Memoized: while typing, every other Resource is unchanged.
   */
  resourceTypesMatching(arnService: string, resourcePart: string): readonly ServiceArnShape['resourceGlobs'][number][] {
    const shape = this.arnShape(arnService);
    if (!shape) return [];
    const key = `${arnService.toLowerCase()}\n${resourcePart}`;
    let found = this.candidates.get(key);
    if (!found) {
      const glob = resourceToGlob(resourcePart);
      found = shape.resourceGlobs.filter((entry) => globsIntersect(glob, entry.resourcePart));
      bounded(this.candidates).set(ownString(key), found);
    }
    return found;
  }

  /**
   * Whether an action takes a resource matching `resourceGlob` (see resourceToGlob). Actions share
   * a few resource types, so the answer is remembered per pair of globs (arnIntersects), not per
   * action: a scan of thousands of policies meets some 16,000 distinct actions.
   */
  actionTakes(action: ActionInfo, resourceGlob: string): boolean {
    for (const glob of this.resourceGlobsOf(action)) if (this.arnIntersects(resourceGlob, glob)) return true;
    return false;
  }

  /**
   * arnGlobsIntersect, remembered per pair: the actions of a service share a few resource types,
   * so a newly opened policy asks the same pair for action after action.
   */
  private arnIntersects(resourceGlob: string, formatGlob: string): boolean {
    let byResource = this.intersections.get(formatGlob);
    if (!byResource) {
      byResource = new Map();
      bounded(this.intersections).set(formatGlob, byResource);
    }
    let answer = byResource.get(resourceGlob);
    if (answer === undefined) {
      answer = arnGlobsIntersect(resourceGlob, formatGlob);
      bounded(byResource).set(ownString(resourceGlob), answer);
    }
    return answer;
  }

  /** Every condition key an action supports, its resource types' keys included, lower-case. */
  conditionKeysOf(action: ActionInfo): ReadonlySet<string> {
    let keys = this.actionKeys.get(action);
    if (!keys) {
      const set = new Set(action.conditionKeys.map((key) => key.toLowerCase()));
      for (const type of action.resourceTypes) {
        for (const key of type.conditionKeys) set.add(key.toLowerCase());
        for (const key of this.catalog.resourceType(action.service, type.name)?.conditionKeys ?? []) set.add(key.toLowerCase());
      }
      keys = set;
      this.actionKeys.set(action, keys);
    }
    return keys;
  }

  resourceFormat(service: string, typeName: string): string | undefined {
    return this.catalog.resourceType(service, typeName)?.arnFormat;
  }

  /** arnFormatToGlob, once per catalogue format (formats come from the catalogue: a bounded set). */
  private formatGlob(format: string): string {
    let glob = this.formatGlobs.get(format);
    if (glob === undefined) {
      glob = arnFormatToGlob(format);
      this.formatGlobs.set(format, glob);
    }
    return glob;
  }

  /** Globs of the resource types an action takes; empty when it takes only "*". */
  resourceGlobsOf(action: ActionInfo): readonly string[] {
    let globs = this.actionGlobs.get(action);
    if (!globs) {
      globs = action.resourceTypes.flatMap((type) => {
        const info = this.catalog.resourceType(action.service, type.name);
        return info ? [this.formatGlob(info.arnFormat)] : [];
      });
      this.actionGlobs.set(action, globs);
    }
    return globs;
  }
}

const CACHES = new WeakMap<Catalog, LintCache>();

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  if (map.size >= MAX_ENTRIES) map.clear();
  return map;
}

function computeShape(catalog: Catalog, prefix: string): ServiceArnShape | undefined {
  // A format whose service field is a placeholder (Backup's recovery points:
  // "arn:${Partition}:${Vendor}:...") is listed under the service that owns it, and names ARNs of it too.
  const types = (catalog.service(prefix)?.resourceTypes ?? []).filter((type) => {
    const field = type.arnFormat.split(':')[2] ?? '';
    return field === prefix || /^\$\{[^}]*\}$/.test(field);
  });
  if (types.length === 0) return undefined;
  const fields = types.map((type) => type.arnFormat.split(':'));
  const hasField = (index: number) => fields.map((parts) => (parts[index] ?? '') !== '');
  const regions = hasField(3);
  const accounts = hasField(4);
  return {
    regionAllowed: regions.some(Boolean),
    regionRequired: regions.every(Boolean),
    accountAllowed: accounts.some(Boolean),
    accountRequired: accounts.every(Boolean),
    resourceGlobs: types.map((type) => {
      const glob = arnFormatToGlob(type.arnFormat);
      return { type, glob, resourcePart: glob.split(':').slice(5).join(':') };
    }),
  };
}
