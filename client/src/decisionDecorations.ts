import * as vscode from 'vscode';
import type { Range, SimulateResult } from '../../server/src/protocol';

/**
 * Highlights the statements that decided the last simulation of a document. The highlight lasts until
 * the document changes, since the ranges no longer fit after an edit.
 */
export class DecisionDecorations implements vscode.Disposable {
  private readonly allow = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly deny = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly byUri = new Map<string, { allow: vscode.Range[]; deny: vscode.Range[] }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.apply(editor))),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.clear(event.document.uri)),
    ];
  }

  show(uri: vscode.Uri, result: SimulateResult): void {
    const ranges = result.decidingStatements.map((s) => toRange(s.range));
    this.byUri.set(uri.toString(), { allow: result.decision === 'Allow' ? ranges : [], deny: result.decision === 'ExplicitDeny' ? ranges : [] });
    this.forEditors(uri, (editor) => this.apply(editor));
  }

  clear(uri: vscode.Uri): void {
    if (!this.byUri.delete(uri.toString())) return;
    this.forEditors(uri, (editor) => this.apply(editor));
  }

  private apply(editor: vscode.TextEditor): void {
    const entry = this.byUri.get(editor.document.uri.toString());
    editor.setDecorations(this.allow, entry?.allow ?? []);
    editor.setDecorations(this.deny, entry?.deny ?? []);
  }

  private forEditors(uri: vscode.Uri, work: (editor: vscode.TextEditor) => void): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) work(editor);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.allow.dispose();
    this.deny.dispose();
  }
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
