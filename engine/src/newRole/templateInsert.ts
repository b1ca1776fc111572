import type * as Yaml from 'yaml';
import { applyEdits, modify, parseTree, findNodeAtLocation, type ParseError } from 'jsonc-parser';
import type { NewRole } from './buildRole';

declare const require: (id: 'yaml') => typeof Yaml;

/** The CloudFormation resources of a new role: the role, and for EC2 its instance profile. */
export function roleResources(role: NewRole, taken: ReadonlySet<string>): Record<string, unknown> {
  const base = logicalIdOf(role.name);
  const roleId = freeId(base.endsWith('Role') ? base : `${base}Role`, taken);
  const properties: Record<string, unknown> = { AssumeRolePolicyDocument: role.trustPolicy };
  if (role.managedPolicyArns.length > 0) properties.ManagedPolicyArns = [...role.managedPolicyArns];
  if (role.permissionsPolicy) properties.Policies = [{ PolicyName: `${role.name}-permissions`, PolicyDocument: role.permissionsPolicy }];
  const resources: Record<string, unknown> = { [roleId]: { Type: 'AWS::IAM::Role', Properties: properties } };
  if (role.instanceProfile) {
    resources[freeId(`${roleId}InstanceProfile`, taken)] = { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: roleId }] } };
  }
  return resources;
}

/**
 * The template's text with the role's resources added under Resources, the rest left as written:
 * JSON through jsonc-parser edits (comments and formatting kept), YAML as a block appended to the
 * Resources mapping at its own indentation. An error message when the text is no template to extend.
 */
export function insertRoleIntoTemplate(text: string, format: 'json' | 'yaml', role: NewRole): { text: string } | { error: string } {
  return format === 'json' ? insertIntoJson(text, role) : insertIntoYaml(text, role);
}

function insertIntoJson(text: string, role: NewRole): { text: string } | { error: string } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object' || errors.length > 0) return { error: 'The template is not valid JSON: fix its syntax errors first.' };
  const resourcesNode = findNodeAtLocation(root, ['Resources']);
  if (resourcesNode && resourcesNode.type !== 'object') return { error: 'The template\'s Resources is not an object.' };
  const taken = new Set((resourcesNode?.children ?? []).map((property) => String(property.children?.[0]?.value)));
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  let result = text;
  for (const [id, resource] of Object.entries(roleResources(role, taken))) {
    result = applyEdits(result, modify(result, ['Resources', id], resource, { formattingOptions }));
  }
  return { text: result };
}

function insertIntoYaml(text: string, role: NewRole): { text: string } | { error: string } {
  const yaml = require('yaml');
  const document = yaml.parseDocument(text);
  if (document.errors.length > 0) return { error: 'The template is not valid YAML: fix its syntax errors first.' };
  const resources = document.get('Resources', true) as Yaml.YAMLMap | undefined;
  if (resources !== undefined && !yaml.isMap(resources)) return { error: 'The template\'s Resources is not a mapping.' };
  if (resources && resources.flow) return { error: 'The template writes Resources as a flow mapping ({...}); add the role by hand there.' };
  const taken = new Set((resources?.items ?? []).map((pair) => String(yaml.isScalar(pair.key) ? pair.key.value : pair.key)));
  const block = yaml.stringify(roleResources(role, taken), { lineWidth: 0 });
  const firstKey = resources?.items[0]?.key as Yaml.Node | undefined;
  if (!resources || !firstKey?.range) {
    const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    if (resources) return { error: 'The template\'s Resources mapping is empty: add one resource first.' };
    return { text: `${text}${separator}Resources:\n${indentLines(block, '  ')}` };
  }
  const lineStart = text.lastIndexOf('\n', firstKey.range[0] - 1) + 1;
  const indent = text.slice(lineStart, firstKey.range[0]);
  // After the last resource's value: the start of the line that follows it.
  const end = resources.range![1];
  const at = text.lastIndexOf('\n', end - 1) + 1 === end ? end : text.indexOf('\n', end) + 1 || text.length;
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { text: text.slice(0, at) + prefix + indentLines(block, indent) + text.slice(at) };
}

function indentLines(block: string, indent: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

/** A CloudFormation logical ID: letters and digits only, from the role's name. */
export function logicalIdOf(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z]/.test(id) ? id : `Role${id}`;
}

function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}${n}`)) n++;
  return `${id}${n}`;
}
