import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DecisionDecorations } from './decisionDecorations';
import type { LastRequestStore } from './lastRequest';
import type { SimulationView } from './simulationView';

/** What the simulation commands share. */
export interface SimulationServices {
  readonly getClient: () => LanguageClient | undefined;
  readonly lastRequests: LastRequestStore;
  readonly view: SimulationView;
  readonly decorations: DecisionDecorations;
}

let lastSimulated: vscode.Uri | undefined;

/**
 * The document a command works on: the one it names, else the active editor's, else (the result
 * panel has focus) the one simulated last, if it is still open.
 */
export async function targetDocument(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  let document: vscode.TextDocument | undefined;
  if (uri) document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  document ??= vscode.window.activeTextEditor?.document;
  document ??= vscode.workspace.textDocuments.find((d) => d.uri.toString() === lastSimulated?.toString() && !d.isClosed);
  if (document) lastSimulated = document.uri;
  return document;
}

/** Keeps the string fields of a command's argument object and drops anything else. */
export function readArgs<K extends string>(raw: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const args: Partial<Record<K, string>> = {};
  if (!raw || typeof raw !== 'object') return args;
  for (const key of keys) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string') args[key] = value;
  }
  return args;
}

export function readContextArg(raw: unknown): Record<string, string | string[]> | undefined {
  const context = raw && typeof raw === 'object' ? (raw as { context?: unknown }).context : undefined;
  if (!context || typeof context !== 'object' || Array.isArray(context)) return undefined;
  const clean: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(context)) {
    if (typeof value === 'string') clean[key] = value;
    else if (Array.isArray(value)) clean[key] = value.map(String);
  }
  return clean;
}
