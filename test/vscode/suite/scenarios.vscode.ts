// The end-to-end scenarios of test/e2e, through the VS Code API: what the workbench would show, read as data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, eventually, fixtureUri, labelOf, markdownOf, openFixture, positionOf } from './workspace';

/** The part of the simulate command's result these scenarios read; the full type lives in server/src/protocol. */
interface SimulationOutcome {
  readonly decision: string;
  readonly decidingStatements: readonly { readonly sid?: string; readonly range: { readonly start: { readonly line: number } } }[];
}

describe('IAM Author in VS Code', () => {
  before(async () => {
    await openFixture('reports-policy.json');
  });

  it('activates on a policy file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    await eventually('the extension to activate', () => (extension.isActive ? true : undefined));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('iamAuthor.simulateAccess'), 'IAM: Simulate Access is not registered');
  });

  it('offers s3:GetObject after "s3:Get in an Action', async () => {
    const editor = await openFixture('draft-policy.json');
    const emptyList = positionOf(editor.document, '[]', 1);
    await editor.edit((edit) => edit.insert(emptyList, '"s3:Get"'));
    const cursor = emptyList.translate(0, '"s3:Get'.length);
    const labels = await eventually('completion items', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, cursor);
      const found = list.items.map(labelOf);
      return found.includes('s3:GetObject') ? found : undefined;
    });
    assert.ok(labels.every((label) => label.startsWith('s3:Get')), `unexpected items: ${labels.filter((label) => !label.startsWith('s3:Get')).slice(0, 5).join(', ')}`);
  });

  it('explains an EC2 instance role when hovering ec2.amazonaws.com in a trust policy', async () => {
    const editor = await openFixture('ec2-trust-policy.json');
    const onPrincipal = positionOf(editor.document, 'ec2.amazonaws.com', 3);
    const markdown = await eventually('a hover on the service principal', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, onPrincipal);
      const text = markdownOf(hovers);
      return /instance profile|EC2 instance role/i.test(text) ? text : undefined;
    });
    assert.match(markdown, /ec2/i);
  });

  it('reports an unknown action with its rule id', async () => {
    await openFixture('typo-policy.json');
    const uri = fixtureUri('typo-policy.json');
    const problem = await eventually('an IAM102 diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'IAM102'),
    );
    assert.match(problem.message, /s3:GetObjekt/);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
  });

  it("turns an unknown action into a warning where a folder's .iam-author.json says so", async () => {
    await openFixture('team/lenient-policy.json');
    const uri = fixtureUri('team/lenient-policy.json');
    const problem = await eventually('an IAM102 diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'IAM102'),
    );
    assert.match(problem.message, /s3:PutObjekt/);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('reports an unknown action in a YAML CloudFormation template', async () => {
    await openFixture('app-stack.yaml');
    const uri = fixtureUri('app-stack.yaml');
    const problem = await eventually('an IAM102 diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'IAM102'),
    );
    assert.match(problem.message, /s3:GetObjekt/);
  });

  it('simulates access and names the deciding statement', async () => {
    const editor = await openFixture('reports-policy.json');
    const result = await vscode.commands.executeCommand<SimulationOutcome | undefined>('iamAuthor.simulateAccess', {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::example-reports/2024/q1.csv',
    });
    assert.ok(result, 'the command returned no result');
    assert.equal(result.decision, 'Allow');
    const readReportsLine = positionOf(editor.document, '"ReadReports"').line;
    const deciding = result.decidingStatements.map((statement) => statement.range.start.line);
    assert.equal(result.decidingStatements.length, 1);
    assert.ok(deciding[0]! <= readReportsLine && readReportsLine - deciding[0]! <= 1, `deciding statement starts on line ${deciding[0]}, "ReadReports" is on ${readReportsLine}`);
  });
});
