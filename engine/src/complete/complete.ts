import type { Catalog } from '../catalog/catalog';
import { statementElementOf } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Span } from '../document/tree';
import { actionCandidates } from './actions';
import { conditionKeySpecs, conditionValueCandidates, operatorKeySpecs } from './conditions';
import { keyCompletion, type KeySpec } from './keys';
import { completionPlace, type CompletionPlace } from './place';
import { AWS_PRINCIPAL_SHAPES, CANONICAL_USER, PRINCIPAL_STAR, federatedCandidates, principalShapes, principalTypeSpecs, servicePrincipalCandidates } from './principals';
import { resourceCompletion } from './resources';
import { escapeSnippet } from './snippet';
import { effectValues, elementInfo, policyElements, statementElements, statementSnippet, VERSION_VALUES } from './structure';
import type { Candidate, CompletionResult } from './types';
import { openVariableStart, variableCompletion } from './variables';
import { principalLikelihood } from './principalLikelihood';
import { fitToYaml, yamlCompletionPlace } from './yamlPlace';
import { yamlEmptyPlace } from './yamlEmptyPlace';
import { fitToHcl, hclCompletionPlace } from './hclPlace';

/** Completion at an offset; undefined where the engine has nothing to offer (outside policies, for instance). */
export function complete(file: PolicyFile, offset: number, catalog: Catalog): CompletionResult | undefined {
  if (file.format === 'yaml') {
    const at = yamlCompletionPlace(file, offset) ?? yamlEmptyPlace(file, offset);
    if (!at) return undefined;
    let result: CompletionResult | undefined;
    if (at.mode !== 'value') result = keyPosition({ ...at.place, isKey: true }, catalog);
    if (at.mode === 'key') return result && result.candidates.length > 0 ? result : undefined;
    if (!result || result.candidates.length === 0) result = valuePosition(at.place, catalog);
    else return result;
    return result && result.candidates.length > 0 ? fitToYaml(result, at) : undefined;
  }
  if (file.format === 'terraform') {
    const at = hclCompletionPlace(file, offset, catalog);
    if (!at) return undefined;
    const result = at.mode === 'done' ? at.result : valuePosition(at.place, catalog);
    return result && result.candidates.length > 0 ? fitToHcl(result) : undefined;
  }
  const place = completionPlace(file, offset);
  if (!place) return undefined;
  const result = place.isKey ? keyPosition(place, catalog) : valuePosition(place, catalog);
  return result && result.candidates.length > 0 ? result : undefined;
}

function keyPosition(place: CompletionPlace, catalog: Catalog): CompletionResult | undefined {
  const { path, policyType, siblingKeys } = place;
  if (path.length === 0) return keyCompletion(place, elementSpecs(policyElements(policyType, siblingKeys)));
  const place_ = statementElementOf(path);
  if (!place_) return undefined;
  const { element, rest } = place_;
  if (element === undefined) return keyCompletion(place, elementSpecs(statementKeys(place)));
  if (element === 'Condition' && rest.length === 0) return keyCompletion(place, operatorKeySpecs());
  if (element === 'Condition' && rest.length === 1 && typeof rest[0] === 'string') {
    return keyCompletion(place, conditionKeySpecs(rest[0], place.statement, catalog));
  }
  if ((element === 'Principal' || element === 'NotPrincipal') && rest.length === 0) {
    return keyCompletion(place, principalTypeSpecs(policyType === 'identity' ? 'resource' : policyType, siblingKeys));
  }
  return undefined;
}

/**
 * The statement's keys for its policy type. A policy without a Principal reads as an identity policy,
 * but a trust or resource policy looks the same until its Principal is written: Principal is offered
 * where that is plausible, right after Effect (or first) when likely, last when merely possible.
 */
function statementKeys(place: CompletionPlace): string[] {
  const names = statementElements(place.policyType, place.siblingKeys);
  if (place.policyType !== 'identity' || place.siblingKeys.includes('Principal') || place.siblingKeys.includes('NotPrincipal')) return names;
  const likelihood = principalLikelihood(place.policy, place.statement, place.fileName);
  if (likelihood === 'unlikely') return names;
  const effect = names.indexOf('Effect');
  if (likelihood === 'possible') return [...names, 'Principal'];
  const at = effect >= 0 ? effect + 1 : 0;
  return [...names.slice(0, at), 'Principal', ...names.slice(at), 'NotPrincipal'];
}

function elementSpecs(names: readonly string[]): KeySpec[] {
  return names.flatMap((name, index) => {
    const info = elementInfo(name);
    return info ? [{ name, valueSnippet: info.valueSnippet, documentation: info.documentation, sortText: String(index).padStart(2, '0') }] : [];
  });
}

function valuePosition(place: CompletionPlace, catalog: Catalog): CompletionResult | undefined {
  const { path, policyType } = place;
  if (path.length === 1 && path[0] === 'Version') return values(place, VERSION_VALUES);
  if (path[0] === 'Statement' && !place.inString && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number'))) {
    const snippet = statementSnippet(policyType);
    const insert = path.length === 1 ? `[\n\t${snippet.insertText!.replace(/\n/g, '\n\t')}\n]` : snippet.insertText;
    return { candidates: [{ ...snippet, insertText: insert }], replace: place.span };
  }
  const located = statementElementOf(path);
  if (!located?.element) return undefined;
  const { element, rest } = located;
  const listItem = rest.length === 0 || (rest.length === 1 && typeof rest[0] === 'number');
  switch (element) {
    case 'Effect':
      return rest.length === 0 ? values(place, effectValues(policyType)) : undefined;
    case 'Action':
    case 'NotAction':
      return listItem ? values(place, actionCandidates(place.typed, catalog, policyType)) : undefined;
    case 'Resource':
    case 'NotResource':
      if (!listItem) return undefined;
      if (place.inString && openVariableStart(place.typed) >= 0) return variableCompletion(place, catalog);
      return wrapValues(place, resourceCompletion(place, catalog));
    case 'Principal':
    case 'NotPrincipal':
      return principalValues(place, rest);
    case 'Condition': {
      const [operator, key, index] = rest;
      if (typeof operator !== 'string' || typeof key !== 'string' || (index !== undefined && typeof index !== 'number') || rest.length > 3) return undefined;
      if (place.inString && openVariableStart(place.typed) >= 0) return variableCompletion(place, catalog);
      return values(place, conditionValueCandidates(key, operator, catalog));
    }
    default:
      return undefined;
  }
}

function principalValues(place: CompletionPlace, rest: readonly (string | number)[]): CompletionResult | undefined {
  if (rest.length === 0) {
    if (place.inString) return values(place, [PRINCIPAL_STAR]);
    return { candidates: [...principalShapes(place.policyType === 'identity' ? 'resource' : place.policyType), { ...PRINCIPAL_STAR, insertText: '"*"' }], replace: place.span };
  }
  const [type, index] = rest;
  if (rest.length > 2 || (index !== undefined && typeof index !== 'number')) return undefined;
  switch (type) {
    case 'AWS':
      return values(place, AWS_PRINCIPAL_SHAPES);
    case 'Service':
      return values(place, servicePrincipalCandidates());
    case 'Federated':
      return values(place, federatedCandidates());
    case 'CanonicalUser':
      return values(place, CANONICAL_USER);
    default:
      return undefined;
  }
}

function values(place: CompletionPlace, candidates: readonly Candidate[]): CompletionResult {
  return wrapValues(place, { candidates, replace: place.span });
}

/**
 * Candidates are written for the inside of a string. Outside one they get their quotes; inside an
 * unclosed one they get the closing quote, except those that reopen completion (after "s3:").
 */
function wrapValues(place: CompletionPlace, result: CompletionResult): CompletionResult {
  if (place.inString && place.closed) return result;
  const candidates = result.candidates.map((candidate) => {
    const insert = candidate.insertText ?? candidate.label;
    if (place.inString) return candidate.retrigger ? candidate : { ...candidate, insertText: `${insert}"` };
    if (candidate.retrigger) return { ...candidate, insertText: `"${candidate.isSnippet ? insert : escapeSnippet(insert)}$0"`, isSnippet: true };
    return { ...candidate, insertText: `"${insert}"`, filterText: `"${candidate.filterText ?? candidate.label}` };
  });
  return { candidates, replace: result.replace as Span };
}
