import type { Catalog } from '../catalog/catalog';
import type { ConditionKeyInfo } from '../catalog/types';
import { SERVICE_PRINCIPALS } from '../roles/servicePrincipals';
import { KEY_PRESENCE, PRINCIPAL_TYPES, S3_CANNED_ACLS, SERVICE_PRINCIPAL_KEYS, isMultivalued } from './data/keyNotes';
import { baseOperators, parseOperator, type OperatorFamily } from './data/operators';
import { REGIONS } from './data/regions';
import type { KeySpec } from './keys';
import { placeholdersToSnippet } from './snippet';
import { statementActions, type StatementActions } from './statementActions';
import type { Statement } from '../document/model';
import type { Candidate } from './types';
import { mdBold, mdCode } from '../markdown/userText';

const KEYS_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

let operatorSpecs: KeySpec[] | undefined;

/** Every operator: base forms, IfExists forms, then ForAllValues:/ForAnyValue: forms. Built once. */
export function operatorKeySpecs(): readonly KeySpec[] {
  if (operatorSpecs) return operatorSpecs;
  const specs: KeySpec[] = [];
  const add = (name: string, sortGroup: string) => {
    const parsed = parseOperator(name)!;
    specs.push({ name, kind: 'operator', detail: `${parsed.base.family}${parsed.qualifier ? ', multivalued keys' : ''}`, documentationKey: { kind: 'operator', key: name }, valueSnippet: '{\n\t"$1": "$2"\n}', sortText: `${sortGroup}${name}` });
  };
  for (const base of baseOperators()) add(base.name, '0');
  for (const base of baseOperators()) if (base.family !== 'Null') add(`${base.name}IfExists`, '1');
  for (const qualifier of ['ForAnyValue', 'ForAllValues']) {
    for (const base of baseOperators()) {
      if (base.family === 'Null') continue;
      add(`${qualifier}:${base.name}`, '2');
      add(`${qualifier}:${base.name}IfExists`, '3');
    }
  }
  operatorSpecs = specs;
  return specs;
}

/** Markdown for a condition key: type, single or multivalued, description, when present. */
export function conditionKeyDocumentation(info: ConditionKeyInfo, written = info.key): string {
  const multi = isMultivalued(info.type);
  const lines = [`${mdBold(written)} · ${info.type} · ${multi ? 'multivalued (use ForAnyValue:/ForAllValues:)' : 'single-valued'}`, '', info.description || '(no description)'];
  const presence = KEY_PRESENCE[info.key.toLowerCase()];
  if (presence) lines.push('', `When present: ${presence}`);
  if (written !== info.key) lines.push('', `Matches the catalogue key ${mdCode(info.key)}.`);
  lines.push('', `[Condition keys](${KEYS_DOCS})`);
  return lines.join('\n');
}

/**
 * The catalogue entry for a condition key as completion lists it: the exact entry, or the written name
 * with the type and description of the template it matches.
 */
export function conditionKeyInfo(name: string, catalog: Catalog): ConditionKeyInfo {
  const info = catalog.conditionKey(name);
  if (info && info.key.toLowerCase() === name.toLowerCase()) return info;
  return { key: name, type: info?.type ?? 'String', description: info?.description ?? '' };
}

const keyCache = new WeakMap<object, readonly ConditionKeyInfo[]>();

/** The keys of the statement's actions (and their resource types) plus the global keys. */
export function keysForStatement(statement: Statement | undefined, catalog: Catalog): readonly ConditionKeyInfo[] {
  const acts = statementActions(statement, catalog);
  const cacheKey: object = acts.actions.length > 0 ? acts : catalog;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const keys = new Map<string, ConditionKeyInfo>();
  for (const action of (acts as StatementActions).actions) {
    const names = [...action.conditionKeys, ...action.resourceTypes.flatMap((r) => r.conditionKeys)];
    for (const name of names) {
      if (keys.has(name.toLowerCase())) continue;
      keys.set(name.toLowerCase(), conditionKeyInfo(name, catalog));
    }
  }
  for (const global of catalog.globalConditionKeys()) if (!keys.has(global.key.toLowerCase())) keys.set(global.key.toLowerCase(), global);
  const list = [...keys.values()];
  keyCache.set(cacheKey, list);
  return list;
}

const FAMILY_TYPES: Record<OperatorFamily, readonly string[]> = {
  String: ['String', 'ArrayOfString'],
  ARN: ['ARN', 'ArrayOfARN', 'String'],
  Numeric: ['Numeric', 'ArrayOfNumeric'],
  Date: ['Date', 'ArrayOfDate', 'Numeric'],
  Bool: ['Bool', 'ArrayOfBool'],
  Binary: ['Binary'],
  IP: ['IPAddress'],
  Null: [],
};

/** Condition-key candidates under an operator; keys whose type suits the operator sort first. */
const specCache = new WeakMap<readonly ConditionKeyInfo[], Map<string, KeySpec[]>>();

export function conditionKeySpecs(operator: string, statement: Statement | undefined, catalog: Catalog): KeySpec[] {
  const family = parseOperator(operator)?.base.family;
  const keys = keysForStatement(statement, catalog);
  let byFamily = specCache.get(keys);
  if (!byFamily) specCache.set(keys, (byFamily = new Map()));
  let specs = byFamily.get(family ?? '');
  if (!specs) byFamily.set(family ?? '', (specs = buildKeySpecs(keys, family)));
  return specs;
}

function buildKeySpecs(keys: readonly ConditionKeyInfo[], family: OperatorFamily | undefined): KeySpec[] {
  const suited = family ? FAMILY_TYPES[family] : [];
  return keys.map((info) => {
    const fits = family === 'Null' || suited.includes(info.type);
    // A key template takes tab stop 1 for its placeholder, so the value starts at 2.
    const stop = info.key.includes('${') ? 2 : 1;
    const isGlobal = info.key.toLowerCase().startsWith('aws:');
    return {
      name: info.key,
      nameSnippet: info.key.includes('${') ? placeholdersToSnippet(info.key) : undefined,
      kind: 'conditionKey',
      detail: info.type,
      documentationKey: { kind: 'conditionKey', key: info.key },
      valueSnippet: family === 'Bool' || family === 'Null' ? `"\${${stop}|true,false|}"` : `"$${stop}"`,
      sortText: `${fits ? '0' : '1'}${isGlobal ? '1' : '0'}${info.key}`,
    };
  });
}

/** Values for a condition key where the set is known. */
export function conditionValueCandidates(key: string, operator: string, catalog: Catalog): Candidate[] {
  const lower = key.toLowerCase();
  const family = parseOperator(operator)?.base.family;
  const info = catalog.conditionKey(key);
  if (family === 'Null') return booleans('Null: `true` means the key must be absent, `false` that it must be present.');
  if (family === 'Bool' || info?.type === 'Bool' || info?.type === 'ArrayOfBool') return booleans(`Boolean value of ${mdCode(key)}.`);
  if (lower === 'aws:requestedregion') return REGIONS.map(([code, name]) => ({ label: code, kind: 'value', detail: name, documentation: `Region \`${code}\`: ${name}.` }));
  if (lower === 'aws:principaltype') return PRINCIPAL_TYPES.map(([value, meaning]) => ({ label: value, kind: 'value', documentation: `\`${value}\`: ${meaning}.` }));
  if (SERVICE_PRINCIPAL_KEYS.has(lower)) return servicePrincipalValues();
  if (lower === 's3:x-amz-acl') return S3_CANNED_ACLS.map((acl) => ({ label: acl, kind: 'value', documentation: `Canned ACL \`${acl}\`.` }));
  if (lower === 'token.actions.githubusercontent.com:sub') return githubSubjects();
  if (lower.endsWith(':aud') && (lower.startsWith('token.actions.githubusercontent.com') || lower.startsWith('oidc.eks.'))) {
    return [{ label: 'sts.amazonaws.com', kind: 'value', documentation: 'The audience GitHub Actions and EKS use when requesting a token for AWS STS.' }];
  }
  if (lower === 'saml:aud') return [{ label: 'https://signin.aws.amazon.com/saml', kind: 'value', documentation: 'The AWS sign-in SAML endpoint: assertions meant for AWS name it as their audience.' }];
  if (lower === 'cognito-identity.amazonaws.com:amr') {
    return [
      { label: 'authenticated', kind: 'value', documentation: 'Users who signed in through an identity provider.' },
      { label: 'unauthenticated', kind: 'value', documentation: 'Guest users of the identity pool.' },
    ];
  }
  if (lower === 'aws:principalorgid') return [{ label: 'o-', kind: 'snippet', insertText: '${1:o-exampleorgid}', isSnippet: true, documentation: 'Your AWS Organizations organization ID (o-…).' }];
  if (family === 'Date' || info?.type === 'Date') return [{ label: 'date', kind: 'snippet', insertText: '${1:2026-01-01T00:00:00Z}', isSnippet: true, documentation: 'An ISO 8601 date and time in UTC.' }];
  return [];
}

function booleans(documentation: string): Candidate[] {
  return [
    { label: 'true', kind: 'value', documentation, sortText: '0' },
    { label: 'false', kind: 'value', documentation, sortText: '1' },
  ];
}

let principalValues: Candidate[] | undefined;

function servicePrincipalValues(): Candidate[] {
  principalValues ??= SERVICE_PRINCIPALS.map((info) => ({ label: info.principal, kind: 'principal', detail: info.service, documentationKey: { kind: 'servicePrincipalValue', key: info.principal } }));
  return principalValues;
}

function githubSubjects(): Candidate[] {
  const doc = 'GitHub puts the repository and the ref or environment of the workflow in `sub`. Name your organisation, repository and branch or environment; a broader pattern lets other repositories assume the role.';
  return [
    { label: 'repo:<org>/<repo>:ref:refs/heads/<branch>', kind: 'snippet', insertText: 'repo:${1:my-org}/${2:my-repo}:ref:refs/heads/${3:main}', isSnippet: true, documentation: doc, sortText: '0' },
    { label: 'repo:<org>/<repo>:environment:<name>', kind: 'snippet', insertText: 'repo:${1:my-org}/${2:my-repo}:environment:${3:production}', isSnippet: true, documentation: doc, sortText: '1' },
    { label: 'repo:<org>/<repo>:pull_request', kind: 'snippet', insertText: 'repo:${1:my-org}/${2:my-repo}:pull_request', isSnippet: true, documentation: `${doc} Pull-request workflows can run code from forks' branches: think twice before trusting them.`, sortText: '2' },
  ];
}
