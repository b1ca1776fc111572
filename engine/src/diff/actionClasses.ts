import type { Catalog } from '../catalog/catalog';
import type { AccessLevel, ActionInfo } from '../catalog/types';
import type { Statement } from '../document/model';
import { compilePattern, matchesCompiled, type CompiledPattern } from '../evaluate/pattern';
import { hasWildcard } from '../match/wildcard';

/** A statement of either side, with its action patterns compiled as the simulator compiles them. */
export interface SpaceStatement {
  readonly statement: Statement;
  readonly notAction: boolean;
  readonly patterns: readonly CompiledPattern[];
}

export function spaceStatement(statement: Statement): SpaceStatement {
  return {
    statement,
    notAction: statement.action?.keyword === 'NotAction',
    patterns: (statement.action?.values ?? []).map((value) => compilePattern(value.value.toLowerCase())),
  };
}

export function actionMatches(entry: SpaceStatement, lowerAction: string): boolean {
  if (!entry.statement.action) return false;
  const hit = entry.patterns.some((pattern) => matchesCompiled(pattern, lowerAction));
  return entry.notAction ? !hit : hit;
}

/**
 * Actions that every statement of both sides treats alike: the same service, the same access level
 * and the same statements whose Action/NotAction matches. The simulator looks at an action only
 * through those patterns (and its service), so one representative decides for the whole class.
 */
export interface ActionClass {
  readonly service: string;
  readonly accessLevel: AccessLevel | 'Unknown';
  /** Indexes into the statement list whose action element matches. */
  readonly statements: readonly number[];
  /** "service:Name" in the catalogue's spelling; the first is the representative. */
  readonly actions: string[];
  /** The representative's resource ARN formats, for concretising `*`. */
  readonly arnFormats: readonly string[];
}

/**
 * The actions either side can match: every catalogue action its Action patterns match (all of the
 * catalogue for NotAction), plus the literal actions it names that the catalogue does not know,
 * grouped into classes.
 */
export function actionClasses(statements: readonly SpaceStatement[], catalog: Catalog): { classes: ActionClass[]; actions: number } {
  // Each statement's matches are found through the catalogue's service index rather than by testing
  // every action against every statement: AdministratorAccess against a long policy is 22,000 actions.
  type Candidate = { readonly name: string; readonly service: string; readonly level: AccessLevel | 'Unknown'; readonly info?: ActionInfo; matching: number[] };
  const candidates = new Map<ActionInfo | string, Candidate>();
  const candidate = (info: ActionInfo): Candidate => {
    let found = candidates.get(info);
    if (!found) candidates.set(info, (found = { name: `${info.service}:${info.name}`, service: info.service, level: info.accessLevel, info, matching: [] }));
    return found;
  };
  const matchedBy = statements.map(() => new Set<Candidate>());
  const negated: number[] = [];
  for (let i = 0; i < statements.length; i++) {
    const action = statements[i]!.statement.action;
    if (!action) continue;
    if (action.keyword === 'NotAction') negated.push(i);
    for (const value of action.values) {
      const found = catalog.actionsMatching(value.value);
      for (const info of found) matchedBy[i]!.add(candidate(info));
      if (found.length === 0 && !hasWildcard(value.value) && /^[a-z0-9-]+:[A-Za-z0-9]+$/i.test(value.value)) {
        const service = value.value.slice(0, value.value.indexOf(':')).toLowerCase();
        let unknown = candidates.get(value.value);
        if (!unknown) candidates.set(value.value, (unknown = { name: value.value, service, level: 'Unknown', matching: [] }));
        matchedBy[i]!.add(unknown);
      }
    }
  }
  // NotAction matches every other action of the catalogue.
  if (negated.length > 0) for (const info of catalog.actionsMatching('*')) candidate(info);
  for (let i = 0; i < statements.length; i++) {
    if (statements[i]!.notAction) {
      for (const entry of candidates.values()) if (!matchedBy[i]!.has(entry)) entry.matching.push(i);
    } else {
      for (const entry of matchedBy[i]!) entry.matching.push(i);
    }
  }
  for (const entry of candidates.values()) entry.matching.sort((a, b) => a - b);

  const classes = new Map<string, ActionClass>();
  for (const entry of candidates.values()) {
    const key = `${entry.service}|${entry.level}|${entry.matching.join(',')}`;
    const existing = classes.get(key);
    if (existing) existing.actions.push(entry.name);
    else classes.set(key, { service: entry.service, accessLevel: entry.level, statements: entry.matching, actions: [entry.name], arnFormats: entry.info ? arnFormats(entry.info, catalog) : [] });
  }
  return { classes: [...classes.values()], actions: candidates.size };
}

function arnFormats(info: ActionInfo, catalog: Catalog): string[] {
  return info.resourceTypes.map((type) => catalog.resourceType(info.service, type.name)?.arnFormat).filter((format): format is string => !!format);
}
