import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './lspClient';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validate: Validate | undefined;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON schema checked in under test/sarif, with
 * ajv and its standard formats (uri, uri-reference, date-time). The schema is draft-04; its one
 * draft-04 spelling (`id`) is read as `$id` so ajv's default dialect takes it unchanged otherwise.
 * Returns the schema errors, empty when the log is valid.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    const { $schema: _draft, id, ...rest } = schema;
    // unicodeRegExp off: the schema's language-tag pattern is valid only without the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile({ $id: id as string, ...rest }) as Validate;
  }
  if (validate(log)) return [];
  return ((validate.errors ?? []) as { instancePath: string; message?: string }[]).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
}
