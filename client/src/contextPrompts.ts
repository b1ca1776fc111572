import * as vscode from 'vscode';
import type { TemplateContextKey } from '../../server/src/protocol';

type Context = Record<string, string | string[]>;

/**
 * Asks which of the keys the policy's conditions read the request should carry, then a value for each.
 * Keys left unticked are absent from the request, which is itself worth simulating.
 * Resolves to undefined when the user backs out.
 */
export async function promptContext(keys: readonly TemplateContextKey[], last: Context | undefined): Promise<Context | undefined> {
  if (keys.length === 0) return {};
  const lastValue = (key: string) => Object.entries(last ?? {}).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  const items = keys.map((key) => ({
    label: key.key,
    description: key.type,
    detail: `${key.operators.join(', ')}${key.policyValues.length > 0 ? ` · policy values: ${key.policyValues.slice(0, 5).join(', ')}` : ''}`,
    picked: lastValue(key.key) !== undefined,
    key,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'IAM: Simulate Access — Context keys',
    placeHolder: 'Tick the keys the request carries (the others are missing from it), then press Enter',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!chosen) return undefined;
  const context: Context = {};
  for (const { key } of chosen) {
    const multi = isMultiValued(key);
    const previous = lastValue(key.key);
    const value = await vscode.window.showInputBox({
      title: `IAM: Simulate Access — ${key.key} (${key.type})`,
      prompt: `${multi ? 'Several values, separated by commas. ' : ''}${key.description ?? ''}`.trim(),
      value: previous === undefined ? (key.policyValues[0] ?? '') : Array.isArray(previous) ? previous.join(', ') : previous,
      ignoreFocusOut: true,
      validateInput: (text) => formatWarning(key.type, multi ? splitValues(text) : [text]),
    });
    if (value === undefined) return undefined;
    context[key.key] = multi ? splitValues(value) : value;
  }
  return context;
}

function isMultiValued(key: TemplateContextKey): boolean {
  return key.type.startsWith('ArrayOf') || key.operators.some((operator) => /^For(All|Any)Values:/i.test(operator));
}

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

const CHECKS: Record<string, { test: RegExp; hint: string }> = {
  Bool: { test: /^(true|false)$/i, hint: 'true or false' },
  Numeric: { test: /^-?\d+(\.\d+)?$/, hint: 'a number' },
  Date: { test: /^(\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?|\d+)$/, hint: 'an ISO 8601 date or epoch seconds' },
  IPAddress: { test: /^([\d.]+|[0-9a-f:]+)(\/\d+)?$/i, hint: 'an IPv4 or IPv6 address' },
  ARN: { test: /^arn:/, hint: 'an ARN' },
};

/** A warning, not an error: the engine decides what an odd value means, and that may be the question. */
function formatWarning(type: string, values: readonly string[]): vscode.InputBoxValidationMessage | undefined {
  const check = CHECKS[type.replace(/^ArrayOf/, '')];
  if (!check) return undefined;
  const bad = values.find((value) => value !== '' && !check.test.test(value));
  return bad === undefined ? undefined : { message: `"${bad}" does not look like ${check.hint}.`, severity: vscode.InputBoxValidationSeverity.Warning };
}
