import * as vscode from 'vscode';
import type { SimulateParams, SimulateResult, SimulatedStatement } from '../../server/src/protocol';

const decisionDecoration = {
  allow: vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
    isWholeLine: true,
    overviewRulerColor: 'green',
  }),
  deny: vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'),
    isWholeLine: true,
    overviewRulerColor: 'red',
  }),
};

let output: vscode.OutputChannel | undefined;

/** Shows the decision, highlights the deciding statements and writes the full trace to an output channel. */
export function showSimulationResult(editor: vscode.TextEditor, params: SimulateParams, result: SimulateResult): void {
  if (result.error) {
    void vscode.window.showErrorMessage(`IAM: ${result.error}`);
    return;
  }
  const ranges = result.decidingStatements.map((statement) => toRange(statement));
  editor.setDecorations(decisionDecoration.allow, result.decision === 'Allow' ? ranges : []);
  editor.setDecorations(decisionDecoration.deny, result.decision === 'ExplicitDeny' ? ranges : []);
  if (ranges[0]) editor.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);

  output ??= vscode.window.createOutputChannel('IAM Author Simulation');
  output.clear();
  output.appendLine(`${params.action} on ${params.resource}${params.principal ? ` by ${params.principal}` : ''}`);
  output.appendLine(`Decision: ${result.decision}. ${result.summary}`);
  output.appendLine('');
  for (const statement of result.statements) output.appendLine(describe(statement));
  if (result.missingContextKeys.length > 0) output.appendLine(`\nMissing context keys: ${result.missingContextKeys.join(', ')}`);

  const label = result.decision === 'Allow' ? 'Allowed' : result.decision === 'ExplicitDeny' ? 'Explicitly denied' : 'Implicitly denied';
  const channel = output;
  // The message stays on screen; the command does not wait for the user to answer it.
  void vscode.window
    .showInformationMessage(`IAM: ${label}: ${params.action} on ${params.resource}. ${result.summary}`, 'Show details')
    .then((choice) => choice && channel.show(true));
}

function toRange(statement: SimulatedStatement): vscode.Range {
  return new vscode.Range(statement.range.start.line, statement.range.start.character, statement.range.end.line, statement.range.end.character);
}

function describe(statement: SimulatedStatement): string {
  const name = statement.sid ? `"${statement.sid}"` : `#${statement.index}`;
  const conditions = statement.conditions.map((condition) => `${condition.operator}(${condition.key}) ${condition.matched ? 'match' : 'no-match'}`);
  const elements = [`action ${statement.action}`, `resource ${statement.resource}`, ...(statement.principal !== 'not-applicable' ? [`principal ${statement.principal}`] : []), ...conditions];
  return `${statement.applies ? '✔' : '·'} ${statement.effect ?? '?'} ${name} [${statement.policyType}] line ${statement.range.start.line + 1}: ${elements.join(', ')}`;
}
