import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, withCursor } from './lspClient';
import { nextUri, policy, trust } from './lspFixtures';

// Clients that accept LSP 3.17 completion item defaults (VS Code's does) get compact replies: the
// shared edit range, a kind-only documentation key and a common snippet format said once per list.
// Expanded by the rules of the protocol, a compact reply must be exactly the full one.

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Item {
  label: string;
  textEdit?: { range: Range; newText: string };
  textEditText?: string;
  insertTextFormat?: number;
  data?: unknown;
  documentation?: { value: string };
  [other: string]: unknown;
}
interface List {
  isIncomplete: boolean;
  itemDefaults?: { editRange?: Range; data?: unknown; insertTextFormat?: number };
  items: Item[];
}

/** What vscode-languageclient 9 advertises. */
const VSCODE_ITEM_DEFAULTS = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];

let full: LspClient;
let compact: LspClient;

async function start(capabilities: object): Promise<LspClient> {
  const client = new LspClient();
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities });
  client.notify('initialized', {});
  return client;
}

before(async () => {
  [full, compact] = await Promise.all([start({}), start({ textDocument: { completion: { completionList: { itemDefaults: VSCODE_ITEM_DEFAULTS } } } })]);
});

after(async () => {
  assert.deepEqual(await Promise.all([full.close(), compact.close()]), [0, 0], full.stderr + compact.stderr);
});

async function completeWith(client: LspClient, marked: string, name?: string): Promise<List> {
  const { text, position } = withCursor(marked);
  const uri = nextUri(name);
  client.open(uri, text);
  const list = await client.request<List | null>('textDocument/completion', { textDocument: { uri }, position });
  assert.ok(list, 'expected a completion list');
  return list;
}

/** A compact list with its defaults applied to every item, as LSP 3.17 says a client reads it. */
function expand(list: List): List {
  const defaults = list.itemDefaults ?? {};
  const items = list.items.map(({ textEditText, ...item }) => {
    const expanded: Item = { ...item };
    if (!item.textEdit && defaults.editRange) expanded.textEdit = { range: defaults.editRange, newText: textEditText ?? item.label };
    if (item.data === undefined && defaults.data !== undefined) expanded.data = defaults.data;
    if (item.insertTextFormat === undefined && defaults.insertTextFormat !== undefined) expanded.insertTextFormat = defaults.insertTextFormat;
    return expanded;
  });
  return { isIncomplete: list.isIncomplete, items };
}

/** Items compared field by field, independent of the order the server wrote the fields in. */
const normalised = (list: List) => JSON.parse(JSON.stringify(list, (_key, value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value)));

const CASES: readonly [name: string, marked: string, file?: string][] = [
  ['actions of a service', policy('"Effect": "Allow", "Action": "s3:GetObj|"')],
  ['actions with a wildcard entry', policy('"Effect": "Allow", "Action": "s3:Get|"')],
  ['every action of a service (capped)', policy('"Effect": "Allow", "Action": "ec2:|"')],
  ['service prefixes', policy('"Effect": "Allow", "Action": "dyn|"')],
  ['ARN partitions', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aw|"')],
  ['ARN snippets', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"')],
  ['condition keys', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:Princ|"}}')],
  ['condition operators', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"|"}')],
  ['service principals', trust('{"Service": "lamb|"}')],
  ['structure keys', policy('"Effect": "Allow",\n      "|"')],
];

describe('completion item defaults', () => {
  for (const [name, marked, file] of CASES) {
    it(`${name}: the compact reply expands to the full one`, async () => {
      const [plain, small] = await Promise.all([completeWith(full, marked, file), completeWith(compact, marked, file)]);
      assert.ok(small.itemDefaults?.editRange, 'the shared range is said once');
      assert.equal(plain.itemDefaults, undefined, 'a client that did not ask gets no defaults');
      assert.ok(plain.items.length > 0);
      assert.deepEqual(normalised(expand(small)), normalised(plain));
    });
  }

  it('an action list carries its documentation key once, and resolve still finds the documentation', async () => {
    const list = await completeWith(compact, policy('"Effect": "Allow", "Action": "s3:GetObj|"'));
    assert.deepEqual(list.itemDefaults?.data, { kind: 'action' });
    const item = list.items.find((candidate) => candidate.label === 's3:GetObject')!;
    assert.deepEqual([item.textEdit, item.data], [undefined, undefined]);
    // The editor sends back the item with the list's data filled in.
    const resolved = await compact.request<Item>('completionItem/resolve', { ...item, data: list.itemDefaults!.data });
    assert.match(resolved.documentation?.value ?? '', /^\*\*s3:GetObject\*\* · Read/);
  });

  it('a wildcard entry keeps its own key while the actions around it share the default', async () => {
    const list = await completeWith(compact, policy('"Effect": "Allow", "Action": "s3:Get|"'));
    assert.deepEqual(list.itemDefaults?.data, { kind: 'action' });
    const wildcard = list.items.find((candidate) => candidate.label === 's3:Get*');
    assert.ok(wildcard, 'the list offers s3:Get*');
    assert.deepEqual(wildcard.data, { kind: 'actionWildcard' });
    assert.ok(list.items.filter((candidate) => candidate.data === undefined).length > 50, 'the actions leave data to the default');
  });

  it('an insert text that differs from the label survives as textEditText', async () => {
    const list = await completeWith(compact, policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aw|"'));
    const item = list.items.find((candidate) => candidate.label === 'aws')!;
    assert.deepEqual([item.textEdit, item.textEditText], [undefined, 'aws:']);
  });

  it('replies to a long action list shrink to well under half', async () => {
    const marked = policy('"Effect": "Allow", "Action": "ec2:|"');
    const [plain, small] = await Promise.all([completeWith(full, marked), completeWith(compact, marked)]);
    const ratio = JSON.stringify(small).length / JSON.stringify(plain).length;
    assert.ok(ratio < 0.5, `compact reply is ${(ratio * 100).toFixed(0)}% of the full one`);
  });
});
