import {
  complete,
  hover,
  lintDocument,
  parsePolicyFile,
  simulate,
  type AccessRequest,
  type Catalog,
  type PolicyFile,
  type PolicySet,
  type PolicyType,
  type SourcedPolicy,
  type Span,
} from '../../src';
import type { Prng } from './prng';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 'ec2:RunInstances', 'iam:PassRole', 'sts:AssumeRole', 'kms:Decrypt', 'lambda:InvokeFunction', 'nosuch:Thing', '', '*', 'S3:getobject'];
const RESOURCES = ['arn:aws:s3:::site/index.html', 'arn:aws:s3:::data-alice/x', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', '*', '', 'not-an-arn', 'arn:aws:iam::111122223333:role/admin-1'];
const CONTEXT_KEYS = ['aws:SourceIp', 'aws:username', 'aws:RequestedRegion', 'aws:CurrentTime', 'aws:MultiFactorAuthAge', 'aws:SecureTransport', 'aws:TagKeys', 'aws:PrincipalTag/team', 'ec2:ResourceTag/team', 'aws:PrincipalArn'];
const CONTEXT_VALUES = ['203.0.113.9', '2001:db8::1', 'alice', 'eu-west-1', '2029-12-31T23:59:59Z', '1700000000', '300', 'true', 'false', '', '*', 'not an ip', '999999999999999999999', 'arn:aws:iam::111122223333:role/BreakGlass'];

/** A broken invariant: the engine returned something, but something impossible. */
export class InvariantError extends Error {}

function checkSpan(span: Span, text: string, what: string): void {
  if (!Number.isInteger(span.offset) || !Number.isInteger(span.length) || span.offset < 0 || span.length < 0 || span.offset + span.length > text.length) {
    throw new InvariantError(`${what} span ${JSON.stringify(span)} lies outside a ${text.length}-character document`);
  }
}

const ROLE_OF_TYPE: Record<PolicyType, keyof PolicySet> = {
  identity: 'identity',
  trust: 'resource',
  resource: 'resource',
  scp: 'scp',
  rcp: 'rcp',
  boundary: 'boundary',
  session: 'session',
};

function policySetOf(file: PolicyFile): PolicySet {
  const set: Record<keyof PolicySet, SourcedPolicy[]> = { identity: [], resource: [], scp: [], rcp: [], boundary: [], session: [], endpoint: [] };
  for (const policy of file.policies) set[ROLE_OF_TYPE[policy.type]].push({ policy, source: 'fuzz', file });
  return set;
}

function randomRequest(file: PolicyFile, rng: Prng): AccessRequest {
  const written = file.policies.flatMap((policy) => policy.statements.flatMap((statement) => [...(statement.action?.values ?? []), ...(statement.resource?.values ?? [])]));
  const fromPolicy = written.length > 0 && rng.chance(0.5) ? rng.pick(written).value : undefined;
  const context: Record<string, string | string[]> = {};
  for (let i = rng.int(0, 4); i > 0; i--) {
    const key = rng.pick(CONTEXT_KEYS);
    context[rng.chance(0.2) ? key.toUpperCase() : key] = rng.chance(0.3) ? [rng.pick(CONTEXT_VALUES), rng.pick(CONTEXT_VALUES)] : rng.pick(CONTEXT_VALUES);
  }
  return {
    action: fromPolicy?.includes(':') && !fromPolicy.startsWith('arn:') ? fromPolicy : rng.pick(ACTIONS),
    resource: fromPolicy?.startsWith('arn:') ? fromPolicy : rng.pick(RESOURCES),
    principal: rng.chance(0.5) ? 'arn:aws:iam::444455556666:role/caller' : undefined,
    resourceAccount: rng.chance(0.3) ? '111122223333' : undefined,
    context,
  };
}

const TYPES: readonly (PolicyType | undefined)[] = [undefined, undefined, undefined, 'identity', 'trust', 'resource', 'scp', 'rcp', 'boundary', 'session'];

/**
 * Runs one document through everything the server does with it: parse, every rule, completion and
 * hover at several offsets, and a simulation. Exceptions propagate; impossible results throw
 * InvariantError.
 */
export function exercise(text: string, fileName: string, catalog: Catalog, rng: Prng): void {
  const file = parsePolicyFile(text, { fileName, type: rng.pick(TYPES) });
  for (const problem of file.syntaxProblems) checkSpan(problem, text, 'syntax problem');
  // lintDocument: the file's own policies and those written as strings inside it (moved into the file).
  for (const finding of lintDocument(file, catalog)) {
    checkSpan(finding.span, text, `finding ${finding.ruleId}`);
    for (const fix of finding.fixes ?? []) if (fix.span) checkSpan(fix.span, text, `fix of ${finding.ruleId}`);
    if (!finding.message) throw new InvariantError(`finding ${finding.ruleId} has no message`);
  }
  const offsets = [0, text.length, rng.int(0, text.length), rng.int(0, text.length), rng.int(0, text.length)];
  for (const offset of offsets) {
    const completion = complete(file, offset, catalog);
    if (completion) {
      checkSpan(completion.replace, text, 'completion replace');
      for (const candidate of completion.candidates) if (typeof candidate.label !== 'string') throw new InvariantError('candidate without a label');
    }
    const hovered = hover(file, offset, catalog);
    if (hovered) {
      checkSpan(hovered.span, text, 'hover');
      if (typeof hovered.markdown !== 'string') throw new InvariantError('hover without markdown');
    }
  }
  const result = simulate(policySetOf(file), randomRequest(file, rng));
  if (!['Allow', 'ExplicitDeny', 'ImplicitDeny'].includes(result.decision)) throw new InvariantError(`decision ${String(result.decision)}`);
  for (const statement of result.statements) checkSpan(statement.span, text, 'statement trace');
}
