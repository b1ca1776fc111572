import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestContext } from '../../src/evaluate/context';
import { literalText } from '../../src/evaluate/pattern';
import { substituteVariables } from '../../src/evaluate/variables';

const context = new RequestContext({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'aws:TagKeys': ['a', 'b'], 'x:star': 'a*b' });

test('variables: values, defaults, special characters, missing and multi-valued keys', () => {
  const cases: [text: string, value: string | undefined, missing: string[]][] = [
    ['home/${aws:username}/*', 'home/alice/*', []],
    ['${AWS:USERNAME}', 'alice', []],
    ["${aws:PrincipalTag/team, 'none'}", 'blue', []],
    ["${aws:PrincipalTag/dept, 'none'}", 'none', []],
    ['${aws:PrincipalTag/dept}', undefined, ['aws:PrincipalTag/dept']],
    ['${aws:TagKeys}', undefined, ['aws:TagKeys']],
    ['${*}${?}${$}', '*?$', []],
    ['${x:star}', 'a*b', []],
    ['no variables', 'no variables', []],
    ['unterminated ${aws:username', 'unterminated ${aws:username', []],
  ];
  for (const [text, value, missing] of cases) {
    const result = substituteVariables(text, context);
    assert.equal(result.value === undefined ? undefined : literalText(result.value), value, text);
    assert.deepEqual(result.missingKeys, missing, text);
  }
  // Substituted wildcard characters are literal markers, not wildcards.
  assert.notEqual(substituteVariables('${*}', context).value, '*');
  assert.notEqual(substituteVariables('${x:star}', context).value, 'a*b');
});
