import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { Range } from '../../server/src/protocol';
import { pageHtml, type RenderedPage } from './htmlPage';

/**
 * The one webview panel simulation results appear in, reused from run to run. Its page links back to
 * statements; a click arrives here as a message and reveals the statement in its document.
 */
export class SimulationView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private documentUri: vscode.Uri | undefined;
  private targets: readonly Range[] = [];

  /** Each kind of page (simulation, summary, access review) has a panel of its own. */
  constructor(private readonly viewType = 'iamAuthor.simulation') {}

  show(page: RenderedPage, documentUri: vscode.Uri): void {
    this.documentUri = documentUri;
    this.targets = page.targets;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(this.viewType, page.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        // Nothing on disk is ever loaded into the page.
        localResourceRoots: [],
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.reveal(message));
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = page.title;
    this.panel.webview.html = pageHtml(page, randomBytes(16).toString('base64'));
  }

  private async reveal(message: unknown): Promise<void> {
    const target = (message as { type?: unknown; target?: unknown } | null)?.target;
    if ((message as { type?: unknown } | null)?.type !== 'reveal' || typeof target !== 'number' || !this.documentUri) return;
    const range = this.targets[target];
    if (!range) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.documentUri!.toString());
    const editor = await vscode.window.showTextDocument(this.documentUri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
