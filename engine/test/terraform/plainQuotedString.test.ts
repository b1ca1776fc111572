import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { before, it } from 'node:test';
import type * as TreeSitter from 'web-tree-sitter';
import { hclParser } from '../../src/hcl/runtime';
import { plainQuotedString, readExpressionNodes } from '../../src/hcl/readNodes';
import { WARM_UP_SNIPPET } from '../../src/hcl/warmUp';
import { repoRoot } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// The reader takes a quoted string with nothing to decode straight from the source text, without
// reading its syntax nodes. On every expression of real Terraform files and of strings chosen to sit
// at the edge, it must give exactly what the node-by-node read gives, or leave the string to it.

before(loadTestHcl);

const EDGES = `locals {
  empty     = ""
  plain     = "s3:GetObject"
  arn       = "arn:aws:s3:::reports/*"
  dollar    = "a$b"
  percent   = "100%"
  escaped   = "say \\"hi\\""
  newline   = "a\\nb"
  unicode   = "caf\\u00e9 é ✓"
  literal   = "$\${not.interpolated}"
  template  = "arn:aws:s3:::\${var.bucket}/*"
  directive = "%{ if true }x%{ endif }"
  spaced    = (  "inside parentheses"  )
  list      = ["a", "", "b c", "\${local.x}"]
  object    = { "Effect" = "Allow", Action = "s3:*", "quoted key" = "v" }
  call      = jsonencode({ Statement = [{ Effect = "Allow", Resource = "*" }] })
  cond      = var.x ? "yes" : "no"
  commented = "value" # "a comment with quotes"
  heredoc   = <<EOT
"not a quoted string"
EOT
}
`;

function realFiles(): [string, string][] {
  const root = repoRoot();
  const found: [string, string][] = [['warm-up snippet', WARM_UP_SNIPPET], ['edges', EDGES]];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tf')) found.push([path.relative(root, full), fs.readFileSync(full, 'utf8')]);
    }
  };
  for (const dir of ['engine/test/fixtures/terraform', 'examples', 'test/e2e/workspace']) walk(path.join(root, dir));
  return found;
}

function expressions(node: TreeSitter.Node, into: TreeSitter.Node[] = []): TreeSitter.Node[] {
  if (node.type === 'expression') into.push(node);
  for (const child of node.namedChildren) if (child) expressions(child, into);
  return into;
}

it('a plain quoted string read from the text equals its node-by-node read, on real files and edge cases', () => {
  const parser = hclParser()!;
  let taken = 0;
  let left = 0;
  const files = realFiles();
  assert.ok(files.length >= 10, `expected the repository's Terraform files, found ${files.length}`);
  for (const [name, text] of files) {
    const tree = parser.parse(text)!;
    try {
      for (const node of expressions(tree.rootNode)) {
        const quick = plainQuotedString(node, text);
        if (quick === undefined) {
          left++;
          continue;
        }
        taken++;
        assert.deepEqual(quick, readExpressionNodes(node, text, 0), `${name}: ${node.text}`);
      }
    } finally {
      tree.delete();
    }
  }
  // Both paths are exercised: most strings are plain, templates and calls are not.
  assert.ok(taken > 100, `plain strings taken from the text: ${taken}`);
  assert.ok(left > 50, `expressions left to the node reader: ${left}`);
});

it('strings that need decoding or hold templates are left to the node reader', () => {
  const parser = hclParser()!;
  const text = EDGES;
  const tree = parser.parse(text)!;
  try {
    const byText = new Map(expressions(tree.rootNode).map((node) => [node.text, node]));
    for (const written of ['"a$b"', '"100%"', '"say \\"hi\\""', '"a\\nb"', '"$${not.interpolated}"', '"arn:aws:s3:::${var.bucket}/*"', '"%{ if true }x%{ endif }"']) {
      const node = byText.get(written);
      assert.ok(node, `the edge case ${written} is an expression of its own`);
      assert.equal(plainQuotedString(node, text), undefined, written);
    }
    for (const written of ['""', '"s3:GetObject"', '"b c"', '"Allow"']) {
      const node = byText.get(written);
      assert.ok(node, `the edge case ${written} is an expression of its own`);
      assert.ok(plainQuotedString(node, text), written);
    }
  } finally {
    tree.delete();
  }
});
