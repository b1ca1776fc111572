import * as path from 'path';
import { fileURLToPath } from 'url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mergeRuleSettings, parseProjectConfig, PROJECT_CONFIG_FILE, readRuleSettings, type LintOptions, type RuleSettings } from '../../../engine/src';
import { spanToRange } from '../convert';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { ProjectConfigs } from '../projectConfig';
import type { WorkspaceRoots } from '../workspaceRoots';
import type { FeatureContext } from './context';

/** The settings section the extension contributes; `rules` is the part read here. */
export const SETTINGS_SECTION = 'iamAuthor';

/**
 * Which rules report and how loudly, for each document: the rules' own severities, then the editor's
 * `iamAuthor.rules` setting, then the nearest `.iam-author.json` above the file. The project file
 * comes last because it is what the team and CI share (`iam-author check` reads the same file), so
 * the editor shows what CI will say.
 */
export class RuleConfiguration {
  private editorRules: RuleSettings = {};
  private readonly projects: ProjectConfigs;

  /** Project files are looked for up to the workspace folder, never above it (or outside it). */
  constructor(workspace?: WorkspaceRoots) {
    this.projects = new ProjectConfigs(workspace && (() => workspace.projectRootsFor()));
  }

  /** Takes the editor's `iamAuthor` settings object; returns what could not be understood. */
  setEditorSettings(section: unknown): string[] {
    const rules = section && typeof section === 'object' ? (section as { rules?: unknown }).rules : undefined;
    const { settings, problems } = readRuleSettings(rules, ['rules']);
    this.editorRules = settings;
    return problems.map((problem) => `${SETTINGS_SECTION}.${problem.path.join('.')}: ${problem.message}`);
  }

  lintOptionsFor(uri: string): LintOptions {
    const filePath = filePathOf(uri);
    const project = filePath === undefined ? undefined : this.projects.forFile(filePath);
    return { severities: mergeRuleSettings(this.editorRules, project?.config.rules) };
  }
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether a document is a project settings file (its problems are shown on it; it holds no policy). */
export function isProjectConfig(uri: string): boolean {
  const filePath = filePathOf(uri) ?? uri;
  return path.basename(filePath) === PROJECT_CONFIG_FILE;
}

/** Diagnostics for an open `.iam-author.json`, from its text as it is in the editor. */
export function projectConfigDiagnostics(document: TextDocument): Diagnostic[] {
  return parseProjectConfig(document.getText()).problems.map((problem) => ({
    range: spanToRange(document, problem.span),
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  }));
}

/**
 * Reads the editor's settings when the client starts and whenever they change, and re-validates the
 * open documents when settings or a project file change.
 */
export function registerRuleSettings({ connection, client, settings }: FeatureContext, revalidateAll: () => void): void {
  const apply = (section: unknown) => {
    const problems = settings.setEditorSettings(section);
    for (const problem of problems) {
      connection.console.warn(problem);
      void connection.window.showWarningMessage(`IAM Author: ${problem}`);
    }
    revalidateAll();
  };
  const pull = async () => {
    if (!client.capabilities.workspace?.configuration) return;
    try {
      apply(await connection.workspace.getConfiguration(SETTINGS_SECTION));
    } catch (error) {
      connection.console.error(`reading the ${SETTINGS_SECTION} settings failed: ${String(error)}`);
    }
  };
  connection.onInitialized(() => void pull());
  connection.onDidChangeConfiguration((params) => {
    // Clients that push settings send them here; the others say only that something changed.
    const pushed = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) apply(pushed);
    else void pull();
  });
  // A saved `.iam-author.json` changes what other files report.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => isProjectConfig(change.uri))) revalidateAll();
  });
}
