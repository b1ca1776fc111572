import { LspClient, withCursor } from './lspClient';

// Shared by the completion, hover and role-kind tests: one server per test file, one uri per document.

let opened = 0;

export function nextUri(name = 'policy.json'): string {
  return `file:///fixtures/${++opened}/${name}`;
}

/** Opens the fixture (with its `|` cursor marker removed) and sends `method` at the marker. */
export async function requestAt<T = any>(client: LspClient, method: string, marked: string, name?: string): Promise<T> {
  const { text, position } = withCursor(marked);
  const uri = nextUri(name);
  client.open(uri, text);
  return client.request<T>(method, { textDocument: { uri }, position });
}

/** A one-statement policy around a statement body. */
export function policy(statementBody: string): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      ${statementBody}\n    }\n  ]\n}`;
}

/** A trust policy: one Allow statement trusting `principal` (JSON) for `action`, with an optional condition. */
export function trust(principal: string, action = 'sts:AssumeRole', condition = ''): string {
  return policy(`"Effect": "Allow",\n      "Principal": ${principal},\n      "Action": "${action}"${condition ? `,\n      "Condition": ${condition}` : ''}`);
}
