import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { hclAbi } from '../../src/hcl/runtime';
import { loadTestHcl } from '../fixtures/hcl';

before(loadTestHcl);

// The Terraform grammar's WASM is generated for one tree-sitter ABI; the web-tree-sitter runtime reads
// a range of them. A dependency update that breaks the fit fails here, not in a user's editor.
it('the Terraform grammar\'s ABI version is one the web-tree-sitter runtime reads', () => {
  const abi = hclAbi();
  assert.ok(abi, 'the parser did not load');
  assert.ok(Number.isInteger(abi.grammar) && abi.grammar > 0, JSON.stringify(abi));
  assert.ok(abi.min <= abi.grammar && abi.grammar <= abi.max, JSON.stringify(abi));
});
