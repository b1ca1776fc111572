import type { Catalog } from '../catalog/catalog';
import { elementInfo } from '../complete/structure';
import { locateCursor, statementElementOf, valueNodeAt } from '../document/nodeAt';
import type { Policy, Statement } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import type { PathSegment, Span, StringNode } from '../document/tree';
import { classifyTrustPolicy } from '../roles/classifyTrust';
import type { ManagedPolicies } from '../managed/managedPolicies';
import { cachedPolicySummary } from '../summary/summarize';
import { summaryMarkdown } from '../summary/markdown';
import { actionHover } from './actionHover';
import type { HoverData } from './hoverData';
import { conditionKeyHover, operatorHover } from './conditionHover';
import { principalTypeHover, principalValueHover } from './principalHover';
import { resourceHover } from './resourceHover';
import { roleArnHover } from './roleHover';
import { templateHover } from './templateHover';
import { templateValueHover } from './templateValueHover';
import { unknownValueHover } from './unknownValueHover';
import { hasUnknown, renderValue } from '../document/unknown';
import { variableHover } from './variableHover';
import { mdText } from '../markdown/userText';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * Hover at an offset: policy elements, actions, resource ARNs, condition operators, keys and policy
 * variables, principals and role kinds; outside policies, role and policy ARNs and service principals.
 */
export function hover(file: PolicyFile, offset: number, catalog: Catalog, managed?: ManagedPolicies): HoverResult | undefined {
  const data: HoverData = { catalog, managed };
  for (const embedded of file.embedded) {
    // Inside a policy written as a string: the hover of that policy, moved back to the file's text.
    const inner = embedded.toInner(offset);
    if (inner === undefined) continue;
    const found = hover(embedded.file, inner, catalog, managed);
    if (!found) return undefined;
    return { markdown: found.markdown, span: embedded.toOuterSpan(found.span) };
  }
  const cursor = locateCursor(file, offset);
  if (!cursor) return anywhere(file, offset, data);
  const { policy, path } = cursor;
  const statement = statementOf(policy, path);
  if (cursor.onKey && cursor.property) {
    const markdown = keyHover(cursor.property.key, path, policy, catalog);
    return markdown ? { markdown, span: cursor.property.keySpan } : undefined;
  }
  if (cursor.node?.kind !== 'string') return undefined;
  let node = cursor.node;
  const template = templateValueHover(node, file.text, offset);
  if (template) return template;
  if (hasUnknown(node)) {
    const element = statementElementOf(path)?.element;
    // A principal reads its unknown parts as `${Name}` (`${AWS::AccountId}`: the template's own
    // account); any other value with unknown parts says which and why.
    if (element !== 'Principal' && element !== 'NotPrincipal') return { markdown: unknownValueHover(node)!, span: node.span };
    node = { ...node, value: renderValue(node) };
  }
  const variable = variableHover(node, file.text, offset, policy, catalog);
  if (variable) return variable;
  const markdown = valueHover(node, path, policy, statement, data);
  return markdown ? { markdown, span: node.span } : anywhere(file, offset, data);
}

function statementOf(policy: Policy, path: readonly PathSegment[]): Statement | undefined {
  if (path[0] !== 'Statement') return undefined;
  const index = typeof path[1] === 'number' ? path[1] : 0;
  return policy.statements.find((statement) => statement.index === index);
}

function keyHover(key: string, path: readonly PathSegment[], policy: Policy, catalog: Catalog): string | undefined {
  if (path.length === 1) {
    const doc = elementInfo(key)?.documentation;
    if (key === 'Statement' && policy.type === 'trust') return withRoleKind(policy, doc);
    if (key === 'Statement') return withSummary(policy, catalog, doc);
    return doc ? `**${key}** · ${mdText(policy.label)} (${policy.type} policy: ${mdText(policy.typeReason)})\n\n${doc}` : undefined;
  }
  const located = statementElementOf(path);
  if (!located?.element) return undefined;
  const { element, rest } = located;
  if (rest.length === 0) {
    const doc = elementInfo(element)?.documentation;
    if (element === 'Principal' && policy.type === 'trust') return withRoleKind(policy, doc);
    return doc ? `**${element}**\n\n${doc}` : undefined;
  }
  if (element === 'Condition' && rest.length === 1) return operatorHover(key);
  if (element === 'Condition' && rest.length === 2) return conditionKeyHover(key, catalog);
  if ((element === 'Principal' || element === 'NotPrincipal') && rest.length === 1) return principalTypeHover(key);
  return undefined;
}

/** The Statement key is the policy's top: its hover says what access the policy defines. */
function withSummary(policy: Policy, catalog: Catalog, doc: string | undefined): string | undefined {
  const summary = summaryMarkdown(cachedPolicySummary(policy, catalog));
  return doc ? `${summary}\n\n---\n\n**Statement** · ${mdText(policy.label)} (${policy.type} policy: ${mdText(policy.typeReason)})\n\n${doc}` : summary;
}

function withRoleKind(policy: Policy, doc: string | undefined): string | undefined {
  const kind = classifyTrustPolicy(policy);
  if (!kind) return doc;
  return doc ? `${kind.markdown}\n\n---\n\n${doc}` : kind.markdown;
}

function valueHover(node: StringNode, path: readonly PathSegment[], policy: Policy, statement: Statement | undefined, data: HoverData): string | undefined {
  const { catalog } = data;
  if (path.length === 1 && path[0] === 'Version') return elementInfo('Version')!.documentation;
  const located = statementElementOf(path);
  if (!located?.element) return undefined;
  const { element, rest } = located;
  switch (element) {
    case 'Effect':
      return node.value === 'Deny'
        ? '**Deny** — refuses the matching requests; an explicit Deny overrides every Allow in every policy.'
        : node.value === 'Allow'
          ? '**Allow** — grants the matching requests, unless a Deny applies or another policy type in play (SCP, RCP, permissions boundary, session policy) does not allow them.'
          : undefined;
    case 'Action':
    case 'NotAction':
      return actionHover(node.value, catalog);
    case 'Resource':
    case 'NotResource':
      return resourceHover(node.value, statement, catalog, data);
    case 'Principal':
    case 'NotPrincipal': {
      if (rest.length === 0) return node.value === '*' ? principalValueHover('AWS', '*', policy, statement, data) : undefined;
      const type = rest[0];
      // CloudFormation's {"Ref": "AWS::AccountId"} names the template's own account.
      const value = rest[rest.length - 1] === 'Ref' && node.value === 'AWS::AccountId' ? '${AWS::AccountId}' : node.value;
      return typeof type === 'string' ? principalValueHover(type, value, policy, statement, data) : undefined;
    }
    case 'Condition':
      return roleArnHover(node.value, data);
    default:
      return undefined;
  }
}

/**
 * Outside policies, or without a more specific hover: a template's roles, instance profiles and SAM
 * functions (by logical id, Type or reference), role ARNs and service principals.
 */
function anywhere(file: PolicyFile, offset: number, data: HoverData): HoverResult | undefined {
  // `assume_role_policy = data.aws_iam_policy_document.x.json`: what that trust policy makes of the role.
  const use = file.policyUses?.find(({ span }) => offset >= span.offset && offset <= span.offset + span.length);
  if (use) {
    const markdown = use.policy.type === 'trust' ? withRoleKind(use.policy, undefined) : undefined;
    return { markdown: markdown ?? `${mdText(use.policy.label)}: ${use.policy.type} policy (${mdText(use.policy.typeReason)}).`, span: use.span };
  }
  const inTemplate = templateHover(file, offset);
  if (inTemplate) return inTemplate;
  const node = valueNodeAt(file.root, offset);
  if (node?.kind !== 'string') return undefined;
  const markdown = roleArnHover(node.value, data);
  return markdown ? { markdown, span: node.span } : undefined;
}
