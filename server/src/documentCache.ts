import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf, parsePolicyFile, type PolicyFile } from '../../engine/src';

/** One parse per document version: completion, hover, diagnostics and simulation share it. */
export class DocumentCache {
  private readonly entries = new Map<string, { version: number; file: PolicyFile }>();

  get(document: TextDocument): PolicyFile {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.file;
    const fileName = fileNameOf(document.uri);
    // An untitled document has no extension: the editor's language says YAML.
    const format = document.languageId === 'yaml' ? 'yaml' : formatOf(fileName, document.getText());
    const file = parsePolicyFile(document.getText(), { fileName, format });
    this.entries.set(document.uri, { version: document.version, file });
    return file;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

function fileNameOf(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}
