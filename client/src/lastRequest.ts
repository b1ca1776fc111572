import type * as vscode from 'vscode';
import type { SimulateParams } from '../../server/src/protocol';

const KEY = 'iamAuthor.lastRequests';
/** Enough for every file someone works on in a workspace, small enough to never matter. */
const MAX_FILES = 200;

export type RememberedRequest = Omit<SimulateParams, 'uri'>;

/** The last simulated request of each file, kept in the workspace's state across sessions. */
export class LastRequestStore {
  constructor(private readonly state: vscode.Memento) {}

  get(uri: string): RememberedRequest | undefined {
    return this.all()[uri];
  }

  async remember(uri: string, request: RememberedRequest): Promise<void> {
    const all = { ...this.all() };
    delete all[uri];
    all[uri] = request;
    const uris = Object.keys(all);
    for (const old of uris.slice(0, Math.max(0, uris.length - MAX_FILES))) delete all[old];
    await this.state.update(KEY, all);
  }

  private all(): Record<string, RememberedRequest> {
    const stored = this.state.get<unknown>(KEY);
    return stored && typeof stored === 'object' ? (stored as Record<string, RememberedRequest>) : {};
  }
}
