import { closestMatch } from '../catalog/suggest';
import { parseJson } from '../document/parseJson';
import { plainValue, type PathSegment, type Span, type ValueNode } from '../document/tree';
import { RULES } from './registry';
import type { Severity } from './types';

/**
 * Which rules report, and how loudly: from the `iamAuthor.rules` setting, a project's
 * `.iam-author.json`, or the CLI's `--rule`. Keys are rule ids or names; values a severity or "off".
 */

export type RuleSetting = Severity | 'off';

/** Settings keyed by rule id, as lintFile's `severities` takes them. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

/** The name of the project file, looked for in a policy's folder and the folders above it. */
export const PROJECT_CONFIG_FILE = '.iam-author.json';

export interface SettingsProblem {
  readonly message: string;
  /** Where in the settings object (for a config file: in the file) the problem is. */
  readonly path: readonly PathSegment[];
  /** Whether the key at `path` is wrong (an unknown rule) or its value. */
  readonly part: 'key' | 'value';
}

/** The rule a key names: its id, whatever the case, or its name. */
function ruleIdOf(key: string): string | undefined {
  const upper = key.toUpperCase();
  return RULES.find((rule) => rule.meta.id === upper || rule.meta.name === key)?.meta.id;
}

function unknownRuleMessage(key: string): string {
  const suggestion = closestMatch(key, RULES.flatMap((rule) => [rule.meta.id, rule.meta.name]));
  return `Unknown rule "${key}"${suggestion ? `: did you mean "${suggestion}"?` : '.'} Rules are named by id (IAM102) or name (unknown-action).`;
}

function settingOf(value: unknown): RuleSetting | undefined {
  return typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value) ? (value as RuleSetting) : undefined;
}

const VALUES_HINT = `one of ${RULE_SETTINGS.map((value) => `"${value}"`).join(', ')}`;

/**
 * Reads a `{ "IAM102": "off", "resource-mismatch": "error" }` object. What can be read is kept; every
 * unknown rule or value is a problem, so a typo never silently leaves a rule on.
 */
export function readRuleSettings(value: unknown, at: readonly PathSegment[] = []): { settings: RuleSettings; problems: SettingsProblem[] } {
  const settings: Record<string, RuleSetting> = {};
  const problems: SettingsProblem[] = [];
  if (value === undefined || value === null) return { settings, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: 'Rule settings must be an object: { "rule id or name": "off" | "error" | "warning" | "info" | "hint" }.', path: at, part: 'value' });
    return { settings, problems };
  }
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const id = ruleIdOf(key);
    if (!id) {
      problems.push({ message: unknownRuleMessage(key), path: [...at, key], part: 'key' });
      continue;
    }
    const setting = settingOf(raw);
    if (!setting) {
      problems.push({ message: `The setting for ${key} must be ${VALUES_HINT}; got ${JSON.stringify(raw)}.`, path: [...at, key], part: 'value' });
      continue;
    }
    settings[id] = setting;
  }
  return { settings, problems };
}

/** Later layers win, rule by rule: defaults, then the editor's setting, then the project file, then the command line. */
export function mergeRuleSettings(...layers: readonly (RuleSettings | undefined)[]): RuleSettings {
  return Object.assign({}, ...layers.filter((layer) => layer !== undefined)) as RuleSettings;
}

export interface ConfigFileProblem {
  readonly message: string;
  readonly span: Span;
}

export interface ProjectConfig {
  readonly rules: RuleSettings;
  readonly problems: readonly ConfigFileProblem[];
}

const TOP_LEVEL_KEYS = ['$schema', 'rules'];

/**
 * A `.iam-author.json`: `{ "rules": { ... } }`, comments allowed. Problems carry spans into the text,
 * for diagnostics on the file itself.
 */
export function parseProjectConfig(text: string): ProjectConfig {
  const { root, syntaxProblems } = parseJson(text);
  const problems: ConfigFileProblem[] = syntaxProblems.map((problem) => ({ message: problem.message, span: { offset: problem.offset, length: problem.length } }));
  if (!root) return { rules: {}, problems };
  if (root.kind !== 'object') {
    problems.push({ message: `${PROJECT_CONFIG_FILE} holds an object: { "rules": { "IAM302": "off" } }.`, span: root.span });
    return { rules: {}, problems };
  }
  for (const property of root.properties) {
    if (!TOP_LEVEL_KEYS.includes(property.key)) problems.push({ message: `Unknown setting "${property.key}"; ${PROJECT_CONFIG_FILE} knows "rules".`, span: property.keySpan });
  }
  const rulesNode = root.properties.find((property) => property.key === 'rules')?.value;
  if (!rulesNode) return { rules: {}, problems };
  const { settings, problems: found } = readRuleSettings(plainValue(rulesNode), ['rules']);
  for (const problem of found) problems.push({ message: problem.message, span: spanAt(rulesNode, problem.path.slice(1), problem.part) });
  return { rules: settings, problems: problems.sort((a, b) => a.span.offset - b.span.offset) };
}

/** The span of a rule's key or value below `node` (the "rules" object), or of `node` itself. */
function spanAt(node: ValueNode, path: readonly PathSegment[], part: 'key' | 'value'): Span {
  const [key] = path;
  if (key === undefined || node.kind !== 'object') return node.span;
  const property = node.properties.find((candidate) => candidate.key === key);
  if (!property) return node.span;
  return part === 'key' ? property.keySpan : (property.value?.span ?? property.keySpan);
}
