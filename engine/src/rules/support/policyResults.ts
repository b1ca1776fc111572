import type { Policy } from '../../document/model';
import type { Span } from '../../document/tree';
import type { Finding, FixHint, Severity } from '../types';
import { ownString } from '../../document/ownString';
import { templateValueSpans } from './unknownValues';

/** A finding of one rule in one policy, with its offsets relative to the policy's start. */
interface Recorded {
  readonly offset: number;
  readonly length: number;
  readonly path: Finding['path'];
  readonly message: string;
  readonly fixes: readonly FixHint[] | undefined;
  /** The finding's own default severity (ReportOptions), when the rule gave one. */
  readonly ownSeverity?: Severity;
}

/** What the rules found in one policy, rule by rule (indexed like RULES); undefined where not known yet. */
export class PolicyResults {
  readonly byRule: (readonly Recorded[] | undefined)[] = [];
  /** Where the policy starts and ends in the file being linted now. */
  start = 0;
  end = 0;
}

/** How many lints' worth of results are kept, so that a few open documents linted in turn each find theirs. */
const GENERATIONS = 4;

/**
 * Rule results per policy, reused from one lint to the next. A keystroke in a 1 MB
 * authorization-details dump changes one of its hundreds of policies; the others give the same
 * findings as before, shifted by the length of the edit.
 *
 * What a policy rule sees is the policy (its node, the statements read from it, its placement) and
 * the file text of its nodes, which fixes read back to the start of a line for indentation. So a
 * policy is known again by its placement, its path, its text, and what precedes it on its first
 * line: that line's indentation and whether anything else precedes it. The catalogue is fixed (this
 * lives in the catalogue's LintCache). A rule that throws, or reports a span outside the policy, is
 * not remembered for that policy.
 */
export class PolicyResultCache {
  private generations: Map<string, Map<string, PolicyResults>>[] = [];

  /**
   * The results to fill or reuse for each policy of `text`, in order, and (asked per policy, for the
   * policies whose results are not all known) for each of its statements; call `finish` after the lint.
   */
  begin(
    text: string,
    policies: readonly Policy[],
  ): { readonly entries: readonly PolicyResults[]; statements(policyIndex: number): readonly PolicyResults[]; finish(): void } {
    const current = new Map<string, Map<string, PolicyResults>>();
    const lineStarts = lineStartsOf(text, policies);
    const headers: string[] = [];
    const entries = policies.map((policy, index) => {
      const { offset, length } = policy.node.span;
      const header = `${placementKey(policy)}\n${linePrefixKey(text, lineStarts[index]!, offset)}`;
      headers.push(header);
      return this.enter(current, text, header, offset, length);
    });
    return {
      entries,
      // A statement is known again by its policy's header, its own path and position, its text and
      // what precedes it on its line, as a policy is.
      statements: (policyIndex) => {
        // Statements come in text order, so one pass over the policy finds the line each starts on.
        let scanned = policies[policyIndex]!.node.span.offset;
        let lineStart = lineStarts[policyIndex]!;
        return policies[policyIndex]!.statements.map((statement) => {
          const { offset, length } = statement.node.span;
          for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) lineStart = scanned + 1;
          const header = `${headers[policyIndex]!}\n${JSON.stringify([statement.path, statement.index])}\n${linePrefixKey(text, lineStart, offset)}`;
          return this.enter(current, text, header, offset, length);
        });
      },
      finish: () => {
        this.generations = [current, ...this.generations].slice(0, GENERATIONS);
      },
    };
  }

  private enter(current: Map<string, Map<string, PolicyResults>>, text: string, header: string, offset: number, length: number): PolicyResults {
    const region = text.slice(offset, offset + length);
    const entry = this.find(header, region) ?? new PolicyResults();
    entry.start = offset;
    entry.end = offset + length;
    let byRegion = current.get(header);
    if (!byRegion) {
      byRegion = new Map();
      current.set(header, byRegion);
    }
    byRegion.set(region, entry);
    return entry;
  }

  private find(header: string, region: string): PolicyResults | undefined {
    for (const generation of this.generations) {
      const found = generation.get(header)?.get(region);
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * Where the line holding each policy's start begins. Policies are visited in text order and each
 * search stops at the previous one, so a one-line minified dump costs one pass, not one per policy.
 */
function lineStartsOf(text: string, policies: readonly Policy[]): number[] {
  const starts = new Array<number>(policies.length);
  const order = policies.map((_, index) => index).sort((a, b) => policies[a]!.node.span.offset - policies[b]!.node.span.offset);
  let previousOffset = 0;
  let previousStart = 0;
  for (const index of order) {
    const offset = policies[index]!.node.span.offset;
    const newline = text.slice(previousOffset, offset).lastIndexOf('\n');
    const start = newline >= 0 ? previousOffset + newline + 1 : previousStart;
    starts[index] = start;
    previousOffset = offset;
    previousStart = start;
  }
  return starts;
}

const INDENT = /[ \t]*/y;

/** What text before the policy on its line can change in a finding: the line's indentation, and whether it is blank. */
function linePrefixKey(text: string, lineStart: number, offset: number): string {
  INDENT.lastIndex = lineStart;
  const indent = INDENT.exec(text)![0];
  const blank = text.slice(lineStart, offset).trim() === '';
  return JSON.stringify([indent.length > offset - lineStart ? indent.slice(0, offset - lineStart) : indent, blank]);
}

function placementKey(policy: Policy): string {
  const placement = [policy.path, policy.type, policy.typeReason, policy.label, policy.owner ?? null, 'owner' in policy, policy.allowsIntrinsics, policy.resourceImplied === true];
  // Template values resolved from elsewhere in the file (see document/unknown.ts) are part of what the rules see.
  const { resolvedKey } = templateValueSpans(policy);
  return JSON.stringify(resolvedKey ? [...placement, resolvedKey] : placement);
}

const NOTHING: readonly Recorded[] = [];

/**
 * The findings a rule just made in a policy (`findings` from index `from`), relative to the policy's
 * start; undefined when one of them points outside the policy (its offset would not follow the
 * policy when text before it changes).
 */
export function record(entry: PolicyResults, findings: readonly Finding[], from: number): readonly Recorded[] | undefined {
  // Most rules find nothing in most policies.
  if (findings.length === from) return NOTHING;
  const recorded: Recorded[] = [];
  for (let i = from; i < findings.length; i++) {
    const finding = findings[i]!;
    if (!inside(entry, finding.span)) return undefined;
    if (finding.fixes?.some((fix) => fix.span !== undefined && !inside(entry, fix.span))) return undefined;
    // Strings copied: the records outlive this version of the document and must not keep it alive.
    recorded.push({
      offset: finding.span.offset - entry.start,
      length: finding.span.length,
      path: finding.path.map((segment) => (typeof segment === 'string' ? ownString(segment) : segment)),
      message: ownString(finding.message),
      ...(finding.ownSeverity !== undefined && { ownSeverity: finding.ownSeverity }),
      fixes: finding.fixes && shiftFixes(finding.fixes, -entry.start).map((fix) => ({ ...fix, title: ownString(fix.title), replacement: ownString(fix.replacement) })),
    });
  }
  return recorded;
}

/** A recorded finding, moved to where the policy now starts. */
export function replay(entry: PolicyResults, recorded: Recorded, meta: Pick<Finding, 'ruleId' | 'ruleName' | 'severity'> & { configured: boolean }, policyIndex: number): Finding {
  return {
    ruleId: meta.ruleId,
    ruleName: meta.ruleName,
    severity: meta.configured ? meta.severity : (recorded.ownSeverity ?? meta.severity),
    ...(recorded.ownSeverity !== undefined && { ownSeverity: recorded.ownSeverity }),
    message: recorded.message,
    span: { offset: recorded.offset + entry.start, length: recorded.length },
    path: recorded.path,
    policyIndex,
    fixes: recorded.fixes && shiftFixes(recorded.fixes, entry.start),
  };
}

function inside(entry: PolicyResults, span: Span): boolean {
  return span.offset >= entry.start && span.offset + span.length <= entry.end;
}

function shiftFixes(fixes: readonly FixHint[], by: number): FixHint[] {
  return fixes.map((fix) => (fix.span === undefined ? { ...fix } : { ...fix, span: { offset: fix.span.offset + by, length: fix.span.length } }));
}
