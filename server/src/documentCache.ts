import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf, isTerraformTemplateFile, parsePolicyFile, type PolicyFile, type SourceFormat } from '../../engine/src';
import { hclParserReady, loadHcl } from './hclFiles';

/** Language ids that editors give Terraform files (the HashiCorp and OpenTofu extensions). */
const TERRAFORM_LANGUAGES = new Set(['terraform', 'opentofu', 'terraform-vars']);

/** One parse per document version: completion, hover, diagnostics and simulation share it. */
export class DocumentCache {
  private readonly entries = new Map<string, { version: number; file: PolicyFile }>();
  private terraformRead = false;

  get(document: TextDocument): PolicyFile {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.file;
    const fileName = fileNameOf(document.uri);
    const format = formatOfDocument(document, fileName);
    const file = parsePolicyFile(document.getText(), { fileName, format });
    // Until the HCL parser has loaded, a Terraform document reads as empty: not worth keeping.
    if (format !== 'terraform' || hclParserReady()) this.entries.set(document.uri, { version: document.version, file });
    if (format === 'terraform' && hclParserReady()) this.terraformRead = true;
    return file;
  }

  /** True once a Terraform document has been read with the HCL parser loaded. */
  hasReadTerraform(): boolean {
    return this.terraformRead;
  }

  /**
   * Resolves when the document can be read: at once for JSON and YAML, after the HCL parser's first
   * load (some tens of milliseconds) for the first Terraform document.
   */
  ready(document: TextDocument): Promise<void> | undefined {
    if (formatOfDocument(document, fileNameOf(document.uri)) !== 'terraform' || hclParserReady()) return undefined;
    return loadHcl();
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

function formatOfDocument(document: TextDocument, fileName: string): SourceFormat {
  // An untitled document has no extension: the editor's language says YAML or Terraform.
  if (document.languageId === 'yaml') return 'yaml';
  // templatefile()'s templates are JSON, whatever language the editor gives them.
  if (isTerraformTemplateFile(fileName)) return 'json';
  if (TERRAFORM_LANGUAGES.has(document.languageId)) return 'terraform';
  return formatOf(fileName, document.getText());
}

function fileNameOf(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}
