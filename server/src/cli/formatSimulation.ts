import { statementName, type SimulationResult, type SourcedPolicy, type StatementTrace } from '../../../engine/src';
import { LineIndex } from './positions';

export interface MatchedStatement {
  readonly file: string;
  readonly policyType: string;
  readonly index: number;
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly range: ReturnType<LineIndex['range']>;
}

/** The deciding statements with file ranges, in the CLI's JSON shape. */
export function matchedStatements(result: SimulationResult, policies: readonly SourcedPolicy[]): MatchedStatement[] {
  const indexes = new Map<string, LineIndex>();
  const lineIndex = (source: string) => {
    let index = indexes.get(source);
    if (!index) {
      const text = policies.find((policy) => policy.source === source)?.file?.text ?? '';
      index = new LineIndex(text);
      indexes.set(source, index);
    }
    return index;
  };
  return result.decidingStatements.map((trace) => ({
    file: trace.source,
    policyType: trace.policyType,
    index: trace.index,
    sid: trace.sid,
    effect: trace.effect,
    range: lineIndex(trace.source).range(trace.span),
  }));
}

export function formatSimulationText(result: SimulationResult, matched: readonly MatchedStatement[]): string {
  const lines = [`Decision: ${result.decision}`, result.summary];
  const rule = result.serviceRule;
  if (rule) lines.push(`Service rule: ${rule.id} (${rule.kind === 'no-permission' ? 'needs no permission' : 'refused for any caller'}); the policies alone decide ${rule.policyDecision}. Source: ${rule.source}`);
  if (matched.length > 0) {
    lines.push('', 'Deciding statements:');
    for (const statement of matched) {
      const name = statementName(statement.index, statement.sid);
      lines.push(`  ${statement.effect} ${name} (${statement.policyType}) ${statement.file}:${statement.range.start.line + 1}`);
    }
  }
  const dependsOn = result.dependsOn;
  if (dependsOn && (dependsOn.unknowns.length > 0 || dependsOn.assumptions.length > 0)) {
    lines.push('', 'Depends on (not known before deployment):');
    for (const part of dependsOn.unknowns) lines.push(`  \${${part.source}}: ${part.reason}`);
    for (const assumption of dependsOn.assumptions) lines.push(`  condition ${assumption.condition} is ${assumption.holds ? 'true' : 'false'}`);
  }
  lines.push('', 'Statements:');
  for (const trace of result.statements) lines.push(`  ${describeTrace(trace)}`);
  if (result.missingContextKeys.length > 0) {
    lines.push('', `Context keys the conditions needed and the request lacked: ${result.missingContextKeys.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function describeTrace(trace: StatementTrace): string {
  const name = statementName(trace.index, trace.sid);
  const conditions = trace.conditions.map((condition) => `${condition.operator} ${condition.key}: ${condition.matched ? 'match' : 'no-match'}`);
  const parts = [`action ${trace.action}`, `resource ${trace.resource}`];
  if (trace.principal !== 'not-applicable') parts.push(`principal ${trace.principal}`);
  parts.push(...conditions);
  return `${trace.applies ? 'applies ' : 'skipped '} ${trace.effect ?? '?'} ${name} (${trace.policyType}, ${trace.source}): ${parts.join(', ')}`;
}
