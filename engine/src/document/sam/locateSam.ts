import type { FoundPolicy } from '../locate';
import { isObject } from '../model';
import { looksLikePolicy } from '../shape';
import { getValue, type ObjectNode, type PathSegment, type PropertyNode, type Span, type ValueNode } from '../tree';
import { SAM_POLICY_TEMPLATES, type SamStatement } from './policyTemplates';

/** SAM resources that get an execution role, and the service that assumes it. */
export const SAM_ROLE_SERVICES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'lambda.amazonaws.com',
  'AWS::Serverless::StateMachine': 'states.amazonaws.com',
};

/** The logical id SAM gives the role it generates for a function or state machine. */
export function samRoleId(logicalId: string): string {
  return `${logicalId}Role`;
}

/** The `Policies` entries of a SAM resource: a list, or one entry alone. */
export function samPolicyEntries(properties: ValueNode | undefined): ValueNode[] {
  const policies = getValue(properties, 'Policies');
  if (!policies) return [];
  return policies.kind === 'array' ? [...policies.items] : [policies];
}

/**
 * The policies of SAM functions and state machines (`Transform: AWS::Serverless-2016-10-31`): the
 * inline documents and expanded policy templates of `Policies` (identity policies of the role SAM
 * generates, `<LogicalId>Role`) and a function's own `AssumeRolePolicyDocument`. Managed policy names
 * and ARNs name no document in the file; simulating as the role lists them as not evaluated.
 */
export function locateInSam(resources: ObjectNode): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  for (const resource of resources.properties) {
    const type = getValue(resource.value, 'Type');
    if (type?.kind !== 'string' || !SAM_ROLE_SERVICES[type.value]) continue;
    const properties = getValue(resource.value, 'Properties');
    if (!isObject(properties)) continue;
    const owner = { kind: 'role' as const, name: samRoleId(resource.key) };
    const trust = getValue(properties, 'AssumeRolePolicyDocument');
    if (looksLikePolicy(trust)) {
      found.push({
        node: trust,
        placement: { type: 'trust', typeReason: `it is the AssumeRolePolicyDocument of the role SAM generates for ${resource.key}`, label: `AssumeRolePolicyDocument of ${resource.key}`, owner, allowsIntrinsics: true },
      });
    }
    samPolicyEntries(properties).forEach((entry: ValueNode, index) => {
      const object = isObject(entry) ? entry : undefined;
      const only = object?.properties.length === 1 ? object.properties[0] : undefined;
      const placement = (label: string, reason: string) => ({ type: 'identity' as const, typeReason: reason, label, owner, allowsIntrinsics: true });
      if (looksLikePolicy(object)) {
        found.push({ node: object, placement: placement(`Policies[${index}] of ${resource.key}`, `it is an inline policy of the role SAM generates for ${resource.key}`) });
        return;
      }
      const expanded = only && expandTemplate(only);
      if (expanded) {
        const name = only!.key;
        found.push({ node: expanded, placement: placement(`SAM policy template ${name} of ${resource.key}`, `it is what the SAM policy template ${name} gives the role SAM generates for ${resource.key}`) });
      }
    });
  }
  return found;
}

/**
 * A policy template entry (`S3ReadPolicy: {BucketName: !Ref Bucket}`) as the document SAM writes for
 * it. The document has no text of its own: every generated node points at the entry, and the
 * parameter values are the entry's own nodes, placed in `Fn::Sub` as SAM places them.
 */
export function expandTemplate(entry: PropertyNode): ObjectNode | undefined {
  const template = SAM_POLICY_TEMPLATES[entry.key];
  if (!template) return undefined;
  const [parameters, ...statements] = template;
  const build = new Builder(entry.span, entry.value?.path ?? []);
  const parameterNodes = parameters.map((name) => [name, getValue(entry.value, name)] as const);
  const statementNodes = statements.map((statement) => build.statement(statement, parameterNodes));
  return build.object([
    ['Version', build.string('2012-10-17')],
    ['Statement', build.array(statementNodes)],
  ]);
}

class Builder {
  constructor(
    private readonly span: Span,
    private readonly path: readonly PathSegment[],
  ) {}

  string(value: string): ValueNode {
    return { kind: 'string', value, span: this.span, path: this.path };
  }

  array(items: ValueNode[]): ValueNode {
    return { kind: 'array', items, span: this.span, path: this.path };
  }

  object(entries: readonly (readonly [string, ValueNode])[]): ObjectNode {
    const properties: PropertyNode[] = entries.map(([key, value]) => ({ key, keySpan: this.span, span: this.span, value }));
    return { kind: 'object', properties, span: this.span, path: this.path };
  }

  statement([actions, resources, condition]: SamStatement, parameters: readonly (readonly [string, ValueNode | undefined])[]): ValueNode {
    const entries: [string, ValueNode][] = [
      ['Effect', this.string('Allow')],
      ['Action', this.array(actions.map((action) => this.string(action)))],
      ['Resource', this.array(resources.map((resource) => this.substituted(resource, parameters)))],
    ];
    if (condition) {
      const blocks = Object.entries(condition).map(([operator, keys]) => [operator, this.object(Object.entries(keys).map(([key, value]) => [key, this.substituted(value, parameters)] as const))] as const);
      entries.push(['Condition', this.object(blocks)]);
    }
    return this.object(entries);
  }

  /** `arn:${AWS::Partition}:s3:::${BucketName}` as the `Fn::Sub` SAM writes, the parameter's own node inside. */
  private substituted(text: string, parameters: readonly (readonly [string, ValueNode | undefined])[]): ValueNode {
    if (!text.includes('${')) return this.string(text);
    const used = parameters.filter(([name, node]) => node !== undefined && text.includes(`\${${name}}`)) as [string, ValueNode][];
    if (used.length === 0) return this.object([['Fn::Sub', this.string(text)]]);
    return this.object([['Fn::Sub', this.array([this.string(text), this.object(used)])]]);
  }
}
