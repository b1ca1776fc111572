import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { repoRoot } from './document/fixtureText';

// The dependency direction of DESIGN.md (client → protocol types; server → engine; engine → jsonc-parser and
// data only), checked on the sources rather than hoped for.

const ROOT = repoRoot();

interface ImportSite {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
}

// Static imports and re-exports (multi-line ones included), side-effect imports, require() and import().
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

function importsOf(file: string): ImportSite[] {
  // Comments may mention modules by name; drop them (line and block) before scanning, keeping line numbers.
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const sites: ImportSite[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split('\n').length;
      sites.push({ file: path.relative(ROOT, file), line, specifier: match[1]! });
    }
  }
  return sites;
}

function importsUnder(folder: string): ImportSite[] {
  const sites = sourceFiles(path.join(ROOT, folder)).flatMap(importsOf);
  assert.ok(sites.length > 0, `found no imports under ${folder}: the scanner is broken`);
  return sites;
}

/** Where a relative specifier points, relative to the repository root; undefined for packages. */
function target(site: ImportSite): string | undefined {
  if (!site.specifier.startsWith('.')) return undefined;
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(site.file), site.specifier)).split(path.sep).join('/');
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isVscode = (specifier: string) => specifier === 'vscode' || specifier.startsWith('vscode-languageserver') || specifier.startsWith('vscode-languageclient') || specifier.startsWith('vscode-jsonrpc');
const describe = (sites: readonly ImportSite[]) => sites.map((site) => `${site.file}:${site.line} imports ${site.specifier}`).join('\n');

test('the scanner sees the import forms the sources use', () => {
  const probe = path.join(ROOT, 'engine', 'test', 'architecture.test.ts');
  const specifiers = importsOf(probe).map((site) => site.specifier);
  for (const expected of ['node:test', 'node:assert/strict', 'fs', 'module', 'path', './document/fixtureText']) {
    assert.ok(specifiers.includes(expected), `missed ${expected}`);
  }
});

test('engine/src is pure: no Node built-ins, no editor APIs, nothing from server/ or client/', () => {
  const bad = importsUnder('engine/src').filter((site) => {
    if (NODE_BUILTINS.has(site.specifier) || isVscode(site.specifier)) return true;
    const resolved = target(site);
    return resolved !== undefined && !resolved.startsWith('engine/src');
  });
  assert.deepEqual(bad, [], describe(bad));
});

test('server/src never imports vscode or the client', () => {
  const bad = importsUnder('server/src').filter((site) => site.specifier === 'vscode' || target(site)?.startsWith('client/') === true);
  assert.deepEqual(bad, [], describe(bad));
});

test('the shared protocol modules import only each other: both sides load them', () => {
  const folder = path.join(ROOT, 'server', 'src', 'protocol');
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.ts'));
  assert.ok(files.includes('index.ts') && files.length > 1, 'server/src/protocol is a folder of modules');
  const sites = files.flatMap((name) => importsOf(path.join(folder, name))).filter((site) => !/^\.\/[A-Za-z]+$/.test(site.specifier));
  assert.deepEqual(sites, [], describe(sites));
});

test('client/src reaches the server only through server/src/protocol, and never the engine', () => {
  const bad = importsUnder('client/src').filter((site) => {
    const resolved = target(site);
    if (resolved === undefined) return site.specifier.startsWith('vscode-languageserver') && site.specifier !== 'vscode-languageserver-protocol';
    if (resolved.startsWith('server/')) return resolved !== 'server/src/protocol';
    return resolved.startsWith('engine/');
  });
  assert.deepEqual(bad, [], describe(bad));
});

test('the bundles open no network channel beyond the language client/server IPC', () => {
  const dist = path.join(ROOT, 'dist');
  const bundles = ['cli.js', 'server.js', 'extension.js'].filter((name) => fs.existsSync(path.join(dist, name)));
  if (bundles.length === 0) return; // not built yet: the source checks above still ran
  const NETWORK = /require\(["'](?:node:)?(net|http|https|http2|dgram|tls)["']\)/g;
  // vscode-jsonrpc's node transport needs net for pipes and sockets; nothing else may touch the network.
  const allowed: Record<string, readonly string[]> = { 'cli.js': [], 'server.js': ['net'], 'extension.js': ['net'] };
  for (const name of bundles) {
    const text = fs.readFileSync(path.join(dist, name), 'utf8');
    const used = [...new Set([...text.matchAll(NETWORK)].map((match) => match[1]!))];
    assert.deepEqual(used.filter((module) => !allowed[name]!.includes(module)), [], `${name} requires ${used.join(', ')}`);
  }
});

// Derived data of a parsed document lives on the parsed objects (document/memo.ts). A WeakMap keyed by
// one of them, with a value that points back into the tree, keeps every young tree alive through V8's
// minor GCs: while typing, that tripled what each scavenge copied.
const DOCUMENT_TYPES = ['Policy', 'Statement', 'StringListElement', 'PrincipalElement', 'ConditionElement', 'ConditionBlock', 'ConditionEntry', 'ValueNode', 'ObjectNode', 'ArrayNode', 'StringNode', 'PropertyNode', 'PolicyFile'];

test('no WeakMap is keyed by a parsed document object', () => {
  const keyedByDocument = new RegExp(`new WeakMap<\\s*(?:${DOCUMENT_TYPES.join('|')})\\b`);
  const offenders: string[] = [];
  let scanned = 0;
  for (const folder of ['engine/src', 'server/src']) {
    for (const file of sourceFiles(path.join(ROOT, folder))) {
      scanned++;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (keyedByDocument.test(line)) offenders.push(`${path.relative(ROOT, file)}:${index + 1}`);
        });
    }
  }
  assert.ok(scanned > 50, 'the scan found too few sources');
  assert.deepEqual(offenders, [], 'use memoized() from engine/src/document/memo.ts instead');
});
