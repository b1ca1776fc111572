// Measurements taken the way an editor sees the server: a child process spoken to over stdio.
import { LspClient, positionAt } from './lspClient.mjs';
import { serverPath } from './paths.mjs';
import { summary } from './stats.mjs';
import { typedLetter } from './engineBench.mjs';

const URI = 'file:///bench/policy.json';

function openDocument(client, uri, text, version = 1, languageId = 'json') {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** Spawn to first publishDiagnostics for `text`, `runs` times in fresh processes. */
export async function coldStart(text, runs, nodeArgs = [], env = undefined) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const client = new LspClient(serverPath, env ? { nodeArgs, env } : { nodeArgs });
    await client.initialize();
    const published = client.nextDiagnostics(URI);
    openDocument(client, URI, text);
    await published;
    samples.push(performance.now() - started);
    await client.close();
  }
  return summary(samples);
}

/** Client-side latency of `method` at each offset, one request at a time. */
export async function requestLatency(text, offsets, method, nodeArgs = []) {
  const client = new LspClient(serverPath, { nodeArgs });
  try {
    await client.initialize();
    const published = client.nextDiagnostics(URI);
    openDocument(client, URI, text);
    await published;
    const positions = offsets.map((offset) => positionAt(text, offset));
    // Warm-up: load the services the document names and let the JIT settle, as a few keystrokes would.
    for (const position of positions.slice(0, 50)) await client.request(method, { textDocument: { uri: URI }, position });
    const samples = [];
    let answered = 0;
    for (const position of positions) {
      const started = performance.now();
      const result = await client.request(method, { textDocument: { uri: URI }, position });
      samples.push(performance.now() - started);
      if (result) answered++;
    }
    return { ...summary(samples), answered };
  } finally {
    await client.close();
  }
}

/**
 * Time from a one-character didChange to the publishDiagnostics for that version, debounce included.
 * Each edit types a different letter over one character of an action name at `editOffset`, as typing does
 * (an edit back to an earlier text would measure the linter's per-policy cache, not the rules).
 */
export async function diagnosticsAfterEdit(text, editOffset, edits, nodeArgs = [], document = { uri: URI, languageId: 'json' }) {
  const client = new LspClient(serverPath, { nodeArgs });
  const uri = document.uri;
  try {
    await client.initialize();
    const first = client.nextDiagnostics(uri, 1, 60_000);
    openDocument(client, uri, text, 1, document.languageId);
    await first;
    const start = positionAt(text, editOffset);
    const range = { start, end: { line: start.line, character: start.character + 1 } };
    const samples = [];
    for (let version = 2; version < edits + 2; version++) {
      const published = client.nextDiagnostics(uri, version, 60_000);
      const started = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typedLetter(version) }] });
      await published;
      samples.push(performance.now() - started);
    }
    return summary(samples);
  } finally {
    await client.close();
  }
}

/**
 * A server that has been serving JSON documents, then the first Terraform document: open to its
 * diagnostics, the HCL parser's load included. Fresh processes, `runs` times. The Terraform document
 * is opened `idleMs` after the JSON document's diagnostics: at 0 it is opened at once (as when an
 * editor restores several tabs) and meets the parser's load, if any, under way.
 */
export async function firstTerraformDocument(jsonText, terraformText, runs, nodeArgs = [], idleMs = 0) {
  const samples = [];
  const tfUri = 'file:///bench/main.tf';
  for (let run = 0; run < runs; run++) {
    const client = new LspClient(serverPath, { nodeArgs });
    try {
      await client.initialize();
      const warm = client.nextDiagnostics(URI);
      openDocument(client, URI, jsonText);
      await warm;
      if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
      const published = client.nextDiagnostics(tfUri, 1, 60_000);
      const started = performance.now();
      openDocument(client, tfUri, terraformText, 1, 'terraform');
      await published;
      samples.push(performance.now() - started);
    } finally {
      await client.close();
    }
  }
  return summary(samples);
}
