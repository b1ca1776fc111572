import { diffLines, diffPolicies, pairPolicies as pairByPlace, POLICY_TYPES, type Catalog, type DiffResult, type PolicyType, type SourcedPolicy, type Witness } from '../../../engine/src';
import { oneOf, parseArgs, single, UsageError } from './args';
import { gitShow } from './gitShow';
import { collectInputs } from './inputs';
import type { CommandIO } from './io';
import { loadPolicyFile, policiesInText } from './loadPolicies';
import { LineIndex } from './positions';

/** Two versions of policies to compare, and how they are shown. */
interface Pair {
  readonly name: string;
  readonly old: SourcedPolicy[];
  readonly new: SourcedPolicy[];
}

/**
 * `iam-author diff OLD NEW` and `iam-author diff --git REF PATH...`: exit 1 when the new version
 * allows a request the old one does not, 0 when it does not, 2 on bad input or when the comparison
 * could not finish without finding new access (never a false "no new access").
 */
export function runDiff(argv: readonly string[], io: CommandIO, catalog: Catalog): number {
  const args = parseArgs(argv, { values: { '--type': false, '--format': false, '--git': false, '--max-requests': false } });
  const typeFlag = oneOf(single(args, '--type'), ['auto', ...POLICY_TYPES] as const, '--type', 'auto');
  const format = oneOf(single(args, '--format'), ['text', 'json'] as const, '--format', 'text');
  const type: PolicyType | undefined = typeFlag === 'auto' ? undefined : typeFlag;
  const maxText = single(args, '--max-requests');
  const maxRequests = maxText === undefined ? undefined : Number(maxText);
  if (maxRequests !== undefined && (!Number.isInteger(maxRequests) || maxRequests < 1)) throw new UsageError(`--max-requests takes a positive whole number; got "${maxText}"`);
  const ref = single(args, '--git');

  let pairs: Pair[];
  if (ref !== undefined) {
    if (args.positionals.length === 0) throw new UsageError('diff --git REF needs one or more policy files or folders');
    pairs = args.positionals.flatMap((target) => gitPairs(ref, target, type));
  } else {
    if (args.positionals.length !== 2) throw new UsageError('diff needs OLD and NEW (policy files or AWS managed policy ARNs), or --git REF PATH...');
    const [oldName, newName] = args.positionals as [string, string];
    pairs = pairPolicies(newName, loadPolicyFile(oldName, type), loadPolicyFile(newName, type));
  }

  const results = pairs.map((pair) => ({ pair, result: diffPolicies({ policies: pair.old }, { policies: pair.new }, catalog, { type, maxRequests }) }));
  const newAccess = results.some(({ result }) => result.newAccess);
  const complete = results.every(({ result }) => result.complete);
  const lineIndexes = new Map<string, LineIndex>();
  const statementOf = (witness: Witness, side: readonly SourcedPolicy[]) => {
    const trace = witness.statement;
    if (!trace) return undefined;
    const sourced = side.find((candidate) => candidate.source === trace.source);
    const text = sourced?.file?.text ?? '';
    let index = lineIndexes.get(`${trace.source}\0${text.length}`);
    if (!index) lineIndexes.set(`${trace.source}\0${text.length}`, (index = new LineIndex(text)));
    return { path: trace.source, range: index.range(trace.span), index: trace.index, ...(trace.sid !== undefined ? { sid: trace.sid } : {}) };
  };
  const json = (witness: Witness, side: readonly SourcedPolicy[]) => {
    const statement = statementOf(witness, side);
    return {
      action: witness.action,
      resource: witness.resource,
      ...(witness.principal !== undefined ? { principal: witness.principal } : {}),
      ...(witness.context !== undefined ? { context: witness.context } : {}),
      ...(statement ? { statement } : {}),
      service: witness.service,
      accessLevel: witness.accessLevel,
      sameFor: witness.sameFor,
    };
  };

  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          newAccess,
          complete,
          added: results.flatMap(({ pair, result }) => result.added.map((witness) => json(witness, pair.new))),
          removed: results.flatMap(({ pair, result }) => result.removed.map((witness) => json(witness, pair.old))),
          policies: results.map(({ pair, result }) => ({
            name: pair.name,
            type: result.type,
            newAccess: result.newAccess,
            complete: result.complete,
            checked: result.checked,
            maxRequests: result.maxRequests,
            space: result.space,
          })),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const serviceName = (prefix: string) => catalog.service(prefix)?.name ?? prefix;
    const blocks = results.map(({ pair, result }) => [`${pair.name} (${result.type} policy):`, ...diffLines(result, serviceName).map((line) => `  ${line}`), ...whereLines(result, pair, statementOf)].join('\n'));
    io.out(blocks.join('\n\n') + '\n');
  }
  if (newAccess) return 1;
  if (!complete) {
    io.err('iam-author: the comparison could not finish within its request limit and found no new access in what it checked; raise --max-requests or split the policy.\n');
    return 2;
  }
  return 0;
}

function whereLines(result: DiffResult, pair: Pair, statementOf: (witness: Witness, side: readonly SourcedPolicy[]) => { path: string; range: { start: { line: number } } } | undefined): string[] {
  const places = new Set<string>();
  for (const witness of result.added) {
    const statement = statementOf(witness, pair.new);
    if (statement) places.add(`${statement.path}:${statement.range.start.line + 1}`);
  }
  return places.size > 0 ? [`  Statements that add access: ${[...places].join(', ')}`] : [];
}

/** The engine's pairing, named for the output. */
function pairPolicies(name: string, oldPolicies: SourcedPolicy[], newPolicies: SourcedPolicy[]): Pair[] {
  return pairByPlace(oldPolicies, newPolicies).map((pair) => ({ name: pair.key ? `${name} ${pair.key}` : name, old: pair.old, new: pair.new }));
}

function gitPairs(ref: string, target: string, type: PolicyType | undefined): Pair[] {
  const inputs = collectInputs([target], () => {
    throw new UsageError('diff --git reads files, not standard input');
  });
  const pairs: Pair[] = [];
  for (const input of inputs) {
    if (input.error !== undefined || input.text === undefined) throw new UsageError(`${input.name}: ${input.error ?? 'cannot be read'}`);
    const newPolicies = policiesInText(input.text, input.name, type);
    const oldText = gitShow(ref, input.name);
    const oldPolicies = oldText === undefined ? [] : policiesInText(oldText, `${ref}:${input.name}`, type, `${input.name} at ${ref}`);
    // In a folder, files that hold no policy in either version are passed over; a file named alone must hold one.
    if (newPolicies.length === 0 && oldPolicies.length === 0) {
      if (input.name === target) throw new UsageError(`${target}: no IAM policy found`);
      continue;
    }
    pairs.push(...pairPolicies(input.name, oldPolicies, newPolicies));
  }
  return pairs;
}
