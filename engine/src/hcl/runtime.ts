import type * as TreeSitter from 'web-tree-sitter';

/**
 * The HCL parser: web-tree-sitter (a WebAssembly build of tree-sitter, so no native module to
 * build for each VS Code) with the Terraform grammar of @tree-sitter-grammars/tree-sitter-hcl.
 *
 * Loading takes some 20 ms and a few MB, so it happens with the first Terraform document, never at
 * start-up: a JSON-only session pays nothing. The engine reads no files; the adapters hand over the
 * two WebAssembly modules' bytes (they sit beside the bundles in dist/).
 */
declare const require: (id: 'web-tree-sitter') => typeof TreeSitter;

export interface HclWasm {
  /** web-tree-sitter.wasm, the runtime. */
  readonly runtime: Uint8Array;
  /** tree-sitter-terraform.wasm, the grammar. */
  readonly grammar: Uint8Array;
}

let parser: TreeSitter.Parser | undefined;
let loading: Promise<void> | undefined;

/** Loads the parser once; later calls share the first load. */
export function loadHclParser(wasm: () => HclWasm | Promise<HclWasm>): Promise<void> {
  loading ??= (async () => {
    const { Parser, Language } = require('web-tree-sitter');
    const bytes = await wasm();
    await Parser.init({ wasmBinary: bytes.runtime });
    const language = await Language.load(bytes.grammar);
    const instance = new Parser();
    instance.setLanguage(language);
    parser = instance;
  })();
  // A failed load may be retried (a missing file fixed, say), rather than failing forever.
  loading.catch(() => (loading = undefined));
  return loading;
}

export function hclParserReady(): boolean {
  return parser !== undefined;
}

/** The loaded parser; callers check hclParserReady first (parseHcl reports a missing parser). */
export function hclParser(): TreeSitter.Parser | undefined {
  return parser;
}
