/**
 * Where the AWS managed policy data comes from: the compact files scripts/build-managed-policies.mjs
 * writes (an index read at first use, chunks of documents read on demand). Synchronous like the
 * catalogue's source, because hover and completion ask inside their handlers. The server and CLI
 * inject one that reads files; tests may inject data.
 */
export interface ManagedPolicySource {
  /** The parsed index.json. */
  readIndex(): unknown;
  /** The parsed chunks/<n>.json ({ name: document }), or undefined when missing. */
  readChunk(chunk: number): unknown | undefined;
}

/** A source over in-memory documents, for tests: every policy in chunk 0. */
export function inMemoryManagedPolicySource(
  policies: readonly { readonly name: string; readonly path?: string; readonly versionId?: string; readonly updated?: string; readonly document: unknown }[],
  dataVersion = 'test',
): ManagedPolicySource {
  const sorted = [...policies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index = {
    v: 1,
    dataVersion,
    dataUpdatedAt: sorted.reduce((latest, p) => ((p.updated ?? '') > latest ? p.updated! : latest), ''),
    chunks: 1,
    p: sorted.map((p) => [p.name, p.path ?? '', p.versionId ?? 'v1', p.updated ?? '', 0]),
  };
  const chunk = Object.fromEntries(sorted.map((p) => [p.name, p.document]));
  return { readIndex: () => index, readChunk: (n) => (n === 0 ? chunk : undefined) };
}
