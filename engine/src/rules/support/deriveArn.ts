import type { Catalog } from '../../catalog/catalog';
import { UNKNOWN_MARK } from '../../document/unknown';
import { parseArn, type ArnParts } from '../../match/arn';

const PLACEHOLDER = /\$\{([^}]+)\}/g;
// ARN fields that never hold a '/' or ':' of their own.
const FIELD_NAMES = new Set(['Partition', 'Region', 'Account']);

export interface DerivedArn {
  /** The resource type's name, e.g. "object". */
  readonly typeName: string;
  /** Its ARN format filled from what the user wrote, `*` where nothing tells: arn:aws:s3:::my-bucket/*. */
  readonly arn: string;
}

/**
 * An ARN an action takes, derived from ARNs the user wrote for the same service: the values of
 * `${BucketName}`, `${Region}`, `${Account}`... are read from the written ARN (matched against the
 * service's formats) and put into each of the action's formats; the format that keeps most of what
 * was written wins (so s3:GetObject with arn:aws:s3:::my-bucket gives arn:aws:s3:::my-bucket/*, not
 * an access point). Undefined when no written ARN belongs to the service. One deriver serves the
 * actions of a statement: what its ARNs say for a service is read once, not once per action.
 */
export class ArnDeriver {
  private readonly valuesByService = new Map<string, ReadonlyMap<string, string>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly written: readonly string[],
  ) {}

  derive(service: string, targetTypes: readonly string[]): DerivedArn | undefined {
    let values = this.valuesByService.get(service);
    if (!values) {
      values = writtenValues(this.catalog, service, this.written);
      this.valuesByService.set(service, values);
    }
    return fill(this.catalog, service, targetTypes, values);
  }
}

/** The placeholder values (`BucketName`, `Region`...) the written ARNs give for the service's formats. */
function writtenValues(catalog: Catalog, service: string, written: readonly string[]): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  const info = catalog.service(service);
  if (!info) return values;
  // The format that splits a written ARN into most parts reads it best: arn:aws:s3:::b/k.csv is an
  // object (BucketName b), not a bucket named "b/k.csv".
  const reads = written.flatMap((arn) => {
    const fields = parseArn(arn);
    return fields ? info.resourceTypes.flatMap((type) => readPlaceholders(type.arnFormat, arn, fields) ?? []) : [];
  });
  reads.sort((a, b) => b.size - a.size);
  for (const read of reads) {
    // Wildcards and parts known only at deployment (UNKNOWN_MARK) say nothing to copy.
    for (const [name, value] of read) if (!values.has(name) && value !== '' && !/[*?]/.test(value) && !value.includes(UNKNOWN_MARK)) values.set(name, value);
  }
  return values;
}

/** The target type whose format keeps most of `values`, filled with them (`*` where they say nothing). */
function fill(catalog: Catalog, service: string, targetTypes: readonly string[], values: ReadonlyMap<string, string>): DerivedArn | undefined {
  if (values.size === 0) return undefined;
  let best: { typeName: string; arn: string; kept: number } | undefined;
  for (const typeName of targetTypes) {
    const format = catalog.resourceType(service, typeName)?.arnFormat;
    if (!format) continue;
    let kept = 0;
    const arn = format.replace(PLACEHOLDER, (_, name: string) => {
      const value = values.get(name);
      if (value !== undefined && name !== 'Partition') kept++;
      return value ?? (name === 'Partition' ? 'aws' : '*');
    });
    if (!best || kept > best.kept) best = { typeName, arn, kept };
  }
  return best && best.kept > 0 ? { typeName: best.typeName, arn: best.arn } : undefined;
}

/**
 * The placeholder values of `format` in `arn`, or undefined when the ARN does not have that shape.
 * A format whose literal service or literal start of its resource part the ARN does not have cannot
 * match (placeholders before the resource part never hold a colon, so the fields line up), and is
 * passed over without running its expression: EC2 alone has over a hundred formats.
 */
function readPlaceholders(format: string, arn: string, fields: ArnParts): Map<string, string> | undefined {
  const reader = readerOf(format);
  if ((reader.service !== undefined && reader.service !== fields.service) || !fields.resource.startsWith(reader.resourceHead)) return undefined;
  // ARNs are short and every group stops at ':', so this cannot take long.
  const found = reader.pattern.exec(arn.length <= 2048 ? arn : '');
  if (!found) return undefined;
  return new Map(reader.names.map((name, index) => [name, found[index + 1]!]));
}

interface FormatReader {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** The format's service field when it is literal (Backup's is `${Vendor}`). */
  readonly service: string | undefined;
  /** The literal start of the format's resource part: `instance/` in EC2's `...:instance/${InstanceId}`. */
  readonly resourceHead: string;
}

// One compiled reader per catalogue ARN format: a folder scan asks for the same few hundred formats
// thousands of times, and compiling the expression each time was most of this rule's cost. Formats come
// from the catalogue only, a fixed set, so the table needs no bound (as LintCache.formatGlob).
const readers = new Map<string, FormatReader>();

function readerOf(format: string): FormatReader {
  let reader = readers.get(format);
  if (reader) return reader;
  const names: string[] = [];
  let pattern = '^';
  let last = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    pattern += escape(format.slice(last, match.index)) + (FIELD_NAMES.has(match[1]!) ? '([^:]*)' : '([^:]+?)');
    names.push(match[1]!);
    last = match.index! + match[0].length;
  }
  pattern += escape(format.slice(last)) + '$';
  const formatFields = parseArn(format);
  const service = formatFields?.service;
  const resource = formatFields?.resource ?? '';
  const placeholder = resource.indexOf('${');
  reader = {
    pattern: new RegExp(pattern),
    names,
    service: service === undefined || service.includes('${') ? undefined : service,
    resourceHead: placeholder < 0 ? resource : resource.slice(0, placeholder),
  };
  readers.set(format, reader);
  return reader;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
