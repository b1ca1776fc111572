import * as fs from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import { RULES } from '../../../engine/src';
import { ruleDocsLink } from '../runtime';
import * as path from 'path';
import type { CheckedFile } from './checkFiles';

const LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, the format code-scanning services read. Positions become one-based. */
export function formatCheckSarif(files: readonly CheckedFile[], version: string): string {
  // Findings about the file itself sit in no policy: their logical location is the file's root.
  const located = (file: CheckedFile) => [...(file.findings ?? []).map((finding) => ({ policy: '', finding })), ...file.policies.flatMap((policy) => policy.findings.map((finding) => ({ policy: policy.path, finding })))];
  const results = files.flatMap((file) =>
    located(file).map(({ policy, finding }) => ({
        ruleId: finding.code,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(file.file) },
              region: {
                startLine: finding.range.start.line + 1,
                startColumn: finding.range.start.character + 1,
                endLine: finding.range.end.line + 1,
                endColumn: finding.range.end.character + 1,
              },
            },
            logicalLocations: [{ fullyQualifiedName: [policy, finding.path].filter(Boolean).join('.') }],
          },
        ],
      })),
  );
  const notifications = files
    .filter((file) => file.error)
    .map((file) => ({ level: 'error', message: { text: `${file.file}: ${file.error}` } }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'iam-author',
            version,
            rules: RULES.map((rule) => ({
              id: rule.meta.id,
              name: rule.meta.name,
              shortDescription: { text: rule.meta.description },
              ...ruleHelp(rule.meta.id, rule.meta.description),
              defaultConfiguration: { level: LEVELS[rule.meta.severity] },
              properties: { category: rule.meta.category },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * The rule page for code scanning: `help` holds the page itself (shipped in docs/rules), so a viewer
 * shows it without network; `helpUri` is that page's file URL, which local SARIF viewers open. The
 * tool has no web site of its own to link to.
 */
function ruleHelp(ruleId: string, description: string): { helpUri: string; help: { text: string; markdown?: string } } {
  const helpUri = ruleDocsLink(ruleId);
  try {
    const markdown = fs.readFileSync(fileURLToPath(helpUri), 'utf8');
    return { helpUri, help: { text: description, markdown } };
  } catch {
    return { helpUri, help: { text: description } };
  }
}

/**
 * A file path as a SARIF artifact URI (RFC 3986): an absolute path becomes a file: URI, a relative
 * one a relative reference whose segments are percent-encoded, so spaces, "#", "%", "?" and
 * non-ASCII names neither break the schema nor point at another file.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
