import type { CodeLens, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diffPolicies, pairPolicies, parsePolicyFile, type Catalog, type SourcedPolicy, type Span, type Witness } from '../../../engine/src';
import { spanToRange } from '../convert';
import { AccessDiffRequestMethod, type AccessDiffParams, type AccessDiffResult, type AccessWitness } from '../protocol';
import { runSafe } from '../runSafe';
import type { FeatureContext } from './context';

/** Statements that add access, per document version, from the last review: the "+ access" lenses. */
const reviewed = new Map<string, { version: number; spans: Span[] }>();

/** "+ access" above each statement the last review of this document version found adding access. */
export function accessLenses(document: TextDocument): CodeLens[] {
  const last = reviewed.get(document.uri);
  if (!last || last.version !== document.version) return [];
  return last.spans.map((span) => {
    const start = spanToRange(document, span).start;
    return { range: { start, end: start }, command: { title: '+ access', command: '' } };
  });
}

/**
 * iam/accessDiff: the open document against an older text of it (the client reads git HEAD through
 * VS Code's Git extension; the server runs nothing), policies paired as `iam-author diff` pairs them.
 */
export function registerAccessReview({ connection, documents, cache, runtime }: FeatureContext): void {
  connection.onRequest(AccessDiffRequestMethod, (params: AccessDiffParams, token) =>
    runSafe<AccessDiffResult>(connection, 'accessDiff', failed('The comparison failed; see the IAM Author output.'), token, () => {
      const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      if (!document) return failed('The document is not open.');
      const current = cache.get(document);
      if (current.syntaxProblems.length > 0) return failed('The open file does not parse; fix it before reviewing its access.');
      const label = typeof params.oldLabel === 'string' ? params.oldLabel : 'the old version';
      const oldText = typeof params.oldText === 'string' ? params.oldText : '';
      const old = parsePolicyFile(oldText, { fileName: document.uri });
      if (oldText.trim() !== '' && old.syntaxProblems.length > 0) return failed(`The file at ${label} does not parse.`);
      const newPolicies: SourcedPolicy[] = current.policies.map((policy) => ({ policy, source: 'new', file: current }));
      const oldPolicies: SourcedPolicy[] = old.policies.map((policy) => ({ policy, source: 'old', file: old }));
      if (newPolicies.length === 0 && oldPolicies.length === 0) return failed('Neither version holds an IAM policy.');
      const results = pairPolicies(oldPolicies, newPolicies).map((pair) => diffPolicies({ policies: pair.old }, { policies: pair.new }, runtime.catalog));
      const added = results.flatMap((result) => result.added);
      reviewed.set(document.uri, { version: document.version, spans: uniqueSpans(added) });
      void refreshLenses(connection);
      const oldLines = { positionAt: (offset: number) => positionIn(oldText, offset) };
      return {
        newAccess: added.length > 0,
        complete: results.every((result) => result.complete),
        checked: results.reduce((sum, result) => sum + result.checked, 0),
        added: added.map((witness) => toWire(witness, document, runtime.catalog)),
        removed: results.flatMap((result) => result.removed).map((witness) => toWire(witness, oldLines, runtime.catalog)),
      };
    }),
  );
  documents.onDidClose((event) => reviewed.delete(event.document.uri));
}

function failed(error: string): AccessDiffResult {
  return { newAccess: false, complete: false, checked: 0, added: [], removed: [], error };
}

function uniqueSpans(witnesses: readonly Witness[]): Span[] {
  const seen = new Map<number, Span>();
  for (const witness of witnesses) if (witness.statement) seen.set(witness.statement.span.offset, witness.statement.span);
  return [...seen.values()];
}

async function refreshLenses(connection: Connection): Promise<void> {
  try {
    await connection.sendRequest('workspace/codeLens/refresh');
  } catch {
    // Clients without lens refresh ask again on their own.
  }
}

function positionIn(text: string, offset: number) {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - start };
}

function toWire(witness: Witness, lines: Pick<TextDocument, 'positionAt'>, catalog: Catalog): AccessWitness {
  const span = witness.statement?.span;
  return {
    action: witness.action,
    resource: witness.resource,
    ...(witness.principal !== undefined ? { principal: witness.principal } : {}),
    ...(witness.context !== undefined ? { context: witness.context as Record<string, string | readonly string[]> } : {}),
    service: witness.service,
    serviceName: catalog.service(witness.service)?.name ?? witness.service,
    accessLevel: witness.accessLevel,
    sameFor: witness.sameFor.length,
    ...(witness.statement && span
      ? {
          statement: {
            index: witness.statement.index,
            ...(witness.statement.sid !== undefined ? { sid: witness.statement.sid } : {}),
            range: { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) },
          },
        }
      : {}),
  };
}
