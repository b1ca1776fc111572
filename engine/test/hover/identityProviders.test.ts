import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { IDENTITY_PROVIDERS, ROLE_DOCS, ROLE_DOC_TITLES, identityProvider } from '../../src/roles';
import { NON_AWS_SOURCES } from '../../src/roles/docLinks';
import { escapeMarkdown } from '../../src/roles/markdown';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';
import { parseWithCursor } from '../complete/cursor';

// The identity providers of Federated principals: each entry's condition keys and notes show, with a
// link to the page they come from, where a user looks (the Federated principal of a trust policy). Pages
// are on docs.aws.amazon.com, except the documented exception of a provider that only documents itself.

const catalog = realCatalog();
const managed = realManagedPolicies();

/** A Federated principal value each entry is written for; "*" parts of the patterns filled in. */
const SAMPLE: Readonly<Record<string, string>> = {
  'cognito-identity.amazonaws.com': 'cognito-identity.amazonaws.com',
  'accounts.google.com': 'accounts.google.com',
  'www.amazon.com': 'www.amazon.com',
  'graph.facebook.com': 'graph.facebook.com',
  'arn:aws:iam::*:oidc-provider/token.actions.githubusercontent.com': 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
  'arn:aws:iam::*:oidc-provider/oidc.eks.*.amazonaws.com/id/*': 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
  'arn:aws:iam::*:oidc-provider/gitlab.com': 'arn:aws:iam::111122223333:oidc-provider/gitlab.com',
  'arn:aws:iam::*:oidc-provider/*': 'arn:aws:iam::111122223333:oidc-provider/server.example.com',
  'arn:aws:iam::*:saml-provider/*': 'arn:aws:iam::111122223333:saml-provider/Okta',
};

function hoverOnFederated(value: string): string {
  const middle = Math.floor(value.length / 2);
  const action = value.includes(':saml-provider/') ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
  const marked = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "${value.slice(0, middle)}|${value.slice(middle)}"}, "Action": "${action}"}]}`;
  const { file, offset } = parseWithCursor(marked);
  return hover(file, offset, catalog, managed)?.markdown ?? '';
}

test('identity providers: every entry has a sample here and resolves to itself', () => {
  assert.deepEqual(Object.keys(SAMPLE).sort(), IDENTITY_PROVIDERS.map((p) => p.principal).sort());
  for (const provider of IDENTITY_PROVIDERS) assert.equal(identityProvider(SAMPLE[provider.principal]!), provider, provider.name);
});

for (const provider of IDENTITY_PROVIDERS) {
  test(`identity providers: ${provider.name} in the hover of its Federated principal`, () => {
    const markdown = hoverOnFederated(SAMPLE[provider.principal]!);
    for (const [key, why] of provider.keysToPin) assert.ok(markdown.includes(`\`${key}\` should name ${escapeMarkdown(why)}.`), `${key} missing:\n${markdown}`);
    assert.ok(markdown.includes(provider.notes), `notes missing:\n${markdown}`);
    assert.ok(markdown.includes(`[${ROLE_DOC_TITLES[provider.source]}](${ROLE_DOCS[provider.source]})`), `no link to ${provider.source}:\n${markdown}`);
  });
}

test('identity providers: each cites an AWS page unless its page is a documented exception, and records where the page says it', () => {
  for (const provider of IDENTITY_PROVIDERS) {
    const url = ROLE_DOCS[provider.source];
    const exception = NON_AWS_SOURCES[provider.source];
    if (exception === undefined) assert.match(url, /^https:\/\/docs\.aws\.amazon\.com\/[^\s()]+$/, `${provider.name} cites ${url}`);
    else assert.match(url, /^https:\/\/[^\s()]+$/, provider.name);
    assert.ok(provider.checked.trim().length >= 10, `${provider.name} has no record of where its page states it`);
  }
});

test('identity providers: an exception names its reason, is cited, and says in its title that the page is not AWS\'s', () => {
  const cited = new Set(IDENTITY_PROVIDERS.map((p) => p.source));
  const exceptions = Object.entries(NON_AWS_SOURCES);
  assert.ok(exceptions.length > 0);
  for (const [page, reason] of exceptions) {
    assert.ok(cited.has(page as keyof typeof ROLE_DOCS), `${page} is an exception that no provider needs`);
    assert.ok((reason ?? '').length > 20, page);
    assert.doesNotMatch(ROLE_DOCS[page as keyof typeof ROLE_DOCS], /^https:\/\/docs\.aws\.amazon\.com\//, `${page} is on AWS and needs no exception`);
    assert.match(ROLE_DOC_TITLES[page as keyof typeof ROLE_DOC_TITLES], /not AWS/, page);
  }
});

test('identity providers: GitLab is named as GitLab\'s own documentation in the hover', () => {
  const markdown = hoverOnFederated(SAMPLE['arn:aws:iam::*:oidc-provider/gitlab.com']!);
  assert.match(markdown, /GitLab CI\/CD \(OIDC\)/);
  assert.match(markdown, /This is GitLab's documentation, not AWS's/);
  assert.ok(markdown.includes(`(${ROLE_DOCS.gitlabOidc})`));
  assert.ok(markdown.includes(`(${ROLE_DOCS.oidcRole})`), 'the AWS page on OIDC roles is linked too');
});
