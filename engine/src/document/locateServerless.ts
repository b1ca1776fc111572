import { mapStrings, withPaths } from '../resolve/mapStrings';
import { ServerlessVariables } from '../resolve/serverless/variables';
import type { FoundPolicy } from './locate';
import { locateInCloudFormation, isCloudFormationTemplate } from './locateCloudFormation';
import { isArray, isObject } from './model';
import { getProperty, getValue, type ArrayNode, type ObjectNode, type PropertyNode, type StringNode, type ValueNode } from './tree';
import { templateString } from './unknown';

/**
 * Serverless Framework configurations (serverless.yml, v3 and v4): the IAM statements of the Lambda
 * execution role the framework generates, per-function role statements, and the CloudFormation
 * under `resources.Resources`. Statements are lists, not documents: each list is read as the policy
 * the framework builds from it (Version 2012-10-17), with framework variables resolved as far as the
 * file states them (resolve/serverless/variables.ts).
 */

/** The logical id the framework gives the shared execution role. */
export const SERVERLESS_ROLE_ID = 'IamRoleLambdaExecution';

export function isServerlessConfig(root: ObjectNode, fileName: string | undefined): boolean {
  const provider = getValue(root, 'provider');
  if (!isObject(provider)) return false;
  if (fileName !== undefined && /(^|[\\/])serverless\.ya?ml$/i.test(fileName)) return true;
  const name = getValue(provider, 'name');
  return getProperty(root, 'service') !== undefined && name?.kind === 'string' && name.value === 'aws';
}

/** Where a configuration keeps statement lists for the shared role, newest syntax first. */
const ROLE_STATEMENT_PATHS: readonly (readonly string[])[] = [
  ['provider', 'iam', 'role', 'statements'],
  ['provider', 'iamRoleStatements'],
];

export function locateInServerless(root: ObjectNode): FoundPolicy[] {
  const variables = new ServerlessVariables(root);
  const found: FoundPolicy[] = [];
  for (const path of ROLE_STATEMENT_PATHS) {
    const list = valueAt(root, path);
    if (isArray(list)) found.push(statementList(list, variables, path.join('.'), SERVERLESS_ROLE_ID));
  }
  // The serverless-iam-roles-per-function plugin: a role per function, from its own statements.
  const functions = getValue(root, 'functions');
  if (isObject(functions)) {
    for (const fn of functions.properties) {
      const list = getValue(fn.value, 'iamRoleStatements');
      if (isArray(list)) found.push(statementList(list, variables, `functions.${fn.key}.iamRoleStatements`, functionRoleId(fn.key)));
    }
  }
  const resources = getValue(root, 'resources');
  if (isObject(resources) && isCloudFormationTemplate(resources)) found.push(...locateInCloudFormation(resources));
  return found;
}

/** The role a per-function statement list makes (named as the plugin names it, by the function). */
export function functionRoleId(functionName: string): string {
  return `${functionName}IamRoleLambdaExecution`;
}

function valueAt(root: ObjectNode, path: readonly string[]): ValueNode | undefined {
  let node: ValueNode | undefined = root;
  for (const key of path) node = getValue(node, key);
  return node;
}

function statementList(list: ArrayNode, variables: ServerlessVariables, where: string, roleId: string): FoundPolicy {
  // Read as the document the framework generates, so statements have their IAM paths (Statement[0].Action).
  const resolved = withPaths(mapStrings(list, (node) => resolveString(node, variables)), [...list.path, 'Statement']) as ArrayNode;
  return {
    node: generatedPolicy(resolved),
    placement: {
      type: 'identity',
      typeReason: `it is ${where}, the statements the Serverless Framework puts in the role ${roleId}`,
      label: `${where} (role ${roleId})`,
      owner: { kind: 'role', name: roleId },
      allowsIntrinsics: true,
    },
  };
}

function resolveString(node: StringNode, variables: ServerlessVariables): StringNode {
  if (!ServerlessVariables.holdsVariables(node.value)) return node;
  return templateString(variables.resolve(node.value), { span: node.span, path: node.path });
}

/**
 * The document the framework generates around a statement list: `{"Version": "2012-10-17",
 * "Statement": [...]}`. It has no text of its own: its span is the list's, its Version a default.
 */
function generatedPolicy(statements: ArrayNode): ObjectNode {
  const at = { offset: statements.span.offset, length: 0 };
  const path = statements.path.slice(0, -1);
  const version: PropertyNode = {
    key: 'Version',
    keySpan: at,
    span: at,
    value: templateString(['2012-10-17'], { span: at, path: [...path, 'Version'], origin: 'default' }),
  };
  const statement: PropertyNode = { key: 'Statement', keySpan: at, span: statements.span, value: statements };
  return { kind: 'object', properties: [version, statement], span: statements.span, path };
}
