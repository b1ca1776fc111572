import type { Span } from '../document/tree';

/**
 * HCL (Terraform's language) as the reader hands it on: blocks, attributes and expressions with
 * spans on the HCL text. Expressions are kept as written, not evaluated: references, function calls
 * and conditionals are resolved by resolve/terraform, which knows the configuration around them.
 */

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclAttribute {
  readonly name: string;
  readonly nameSpan: Span;
  /** `name = value`, whole. */
  readonly span: Span;
  readonly value: HclExpression;
}

export interface HclBlock {
  /** `resource`, `data`, `statement`, `dynamic`, ... */
  readonly type: string;
  readonly typeSpan: Span;
  /** The labels' values (`"aws_iam_role"`, `"app"`), unquoted. */
  readonly labels: readonly string[];
  readonly labelSpans: readonly Span[];
  readonly span: Span;
  readonly body: HclBody;
}

/** A piece of a template: literal text (decoded), or an interpolation `${...}` / a directive `%{...}`. */
export type HclTemplatePart =
  | { readonly kind: 'text'; readonly value: string; readonly span: Span; readonly escaped: boolean }
  | { readonly kind: 'interpolation'; readonly expression: HclExpression; readonly span: Span }
  | { readonly kind: 'directive'; readonly span: Span };

export interface HclObjectItem {
  /** The key as a plain name or string, when it is one (`Effect`, `"Effect"`); undefined for `(expr)`. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  readonly keyExpression: HclExpression;
  readonly value: HclExpression;
  readonly span: Span;
}

/**
 * One step after the root of a traversal: `.name`, `[0]`, `["key"]`, or a splat with the attribute
 * names read after it (`[*].json` → `{ splat: true, then: ['json'] }`).
 */
export type HclStep = string | number | { readonly splat: true; readonly then: readonly string[] } | { readonly index: HclExpression };

export type HclExpression =
  | { readonly kind: 'number'; readonly value: number; readonly raw: string; readonly span: Span }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'null'; readonly span: Span }
  /**
   * A quoted string or a heredoc. `quoted` says the text is between `"` (fixes may replace it);
   * `contentStart` is where the first character of the value is written.
   */
  | { readonly kind: 'template'; readonly parts: readonly HclTemplatePart[]; readonly quoted: boolean; readonly span: Span; readonly contentSpan: Span }
  | { readonly kind: 'tuple'; readonly items: readonly HclExpression[]; readonly span: Span }
  | { readonly kind: 'object'; readonly items: readonly HclObjectItem[]; readonly span: Span }
  /** `var.x`, `aws_s3_bucket.b.arn`, `data.aws_iam_policy_document.x.json`, `each.value`. */
  | { readonly kind: 'reference'; readonly root: string; readonly steps: readonly HclStep[]; readonly text: string; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly HclExpression[]; readonly text: string; readonly span: Span }
  | { readonly kind: 'conditional'; readonly condition: HclExpression; readonly whenTrue: HclExpression; readonly whenFalse: HclExpression; readonly text: string; readonly span: Span }
  /** Everything that is only known when Terraform runs: `for` expressions, operators, splats of calls. */
  | { readonly kind: 'other'; readonly what: string; readonly text: string; readonly span: Span };

export function blocksOf(body: HclBody, type: string): HclBlock[] {
  return body.blocks.filter((block) => block.type === type);
}

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((attribute) => attribute.name === name);
}
