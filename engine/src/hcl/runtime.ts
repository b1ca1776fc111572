import type * as TreeSitter from 'web-tree-sitter';

/**
 * The HCL parser: web-tree-sitter (a WebAssembly build of tree-sitter, so no native module to
 * build for each VS Code) with the Terraform grammar of @tree-sitter-grammars/tree-sitter-hcl.
 *
 * Loading takes some tens of milliseconds and a few MB, so it never happens at start-up: the CLI loads
 * it when it meets a `.tf` file, the server with the first Terraform document or, once it has
 * answered and is idle, in the background (server/src/hclPreload.ts). The engine reads no files; the
 * adapters hand over the two WebAssembly modules' bytes (they sit beside the bundles in dist/).
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
    const treeSitter = require('web-tree-sitter');
    const { Parser, Language } = treeSitter;
    const bytes = await wasm();
    await Parser.init({ wasmBinary: bytes.runtime });
    const language = await Language.load(bytes.grammar);
    // A grammar generated for another tree-sitter ABI would fail inside setLanguage, or parse wrongly:
    // say which versions do not fit (the runtime's range is known only once it is initialised).
    abi = { grammar: language.abiVersion, min: treeSitter.MIN_COMPATIBLE_VERSION, max: treeSitter.LANGUAGE_VERSION };
    if (abi.grammar < abi.min || abi.grammar > abi.max) {
      throw new Error(`the Terraform grammar has tree-sitter ABI ${abi.grammar}; this web-tree-sitter reads ABI ${abi.min} to ${abi.max}`);
    }
    const instance = new Parser();
    instance.setLanguage(language);
    parser = instance;
  })();
  // A failed load may be retried (a missing file fixed, say), rather than failing forever.
  loading.catch(() => (loading = undefined));
  return loading;
}

let abi: { grammar: number; min: number; max: number } | undefined;

/** The grammar's tree-sitter ABI version and the range the runtime reads, once loaded. */
export function hclAbi(): { readonly grammar: number; readonly min: number; readonly max: number } | undefined {
  return abi;
}

export function hclParserReady(): boolean {
  return parser !== undefined;
}

/** The loaded parser; callers check hclParserReady first (parseHcl reports a missing parser). */
export function hclParser(): TreeSitter.Parser | undefined {
  return parser;
}
