import * as vscode from 'vscode';

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/** One choice of a fixed list; undefined when dismissed. */
export async function pickOne(title: string, options: readonly Option[]): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    options.map((option) => ({ ...option })),
    { title, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.value;
}

/** A line of text, checked as it is typed; undefined when dismissed ("" is an answer). */
export function askText(title: string, prompt: string, value: string, validate: (text: string) => string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (text) => validate(text.trim()) }).then((text) => text?.trim());
}

export function askAccount(title: string, prompt: string): Thenable<string | undefined> {
  return askText(title, prompt, '', (text) => (/^\d{12}$/.test(text) ? undefined : 'An AWS account ID is 12 digits.'));
}
