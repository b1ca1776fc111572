import type { AccessLevel } from '../catalog/types';
import type { PolicyType } from '../document/model';
import type { ContextValue, SourcedPolicy, StatementTrace } from '../evaluate/types';

/** One side of a comparison: the policies of one version, all of one type. */
export interface DiffSide {
  readonly policies: readonly SourcedPolicy[];
}

export interface DiffOptions {
  /** The type both sides are compared as; by default the new side's first policy's type. */
  readonly type?: PolicyType;
  /** Requests evaluated (each on both sides) before the comparison gives up; default DEFAULT_MAX_REQUESTS. */
  readonly maxRequests?: number;
}

/** A concrete request one side allows and the other does not, as the simulator decided it. */
export interface Witness {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
  /** The statement of the allowing side that allows it. */
  readonly statement?: StatementTrace;
  readonly service: string;
  /** The action's access level, or "Unknown" for an action the catalogue does not know. */
  readonly accessLevel: AccessLevel | 'Unknown';
  /**
   * Other actions that every policy of both sides treats exactly like `action` (same service, access
   * level and statements matching), so the same request with any of them is decided the same way.
   */
  readonly sameFor: readonly string[];
}

export interface DiffResult {
  readonly type: PolicyType;
  /** True when the new side allows some request the old side does not. */
  readonly newAccess: boolean;
  readonly added: readonly Witness[];
  readonly removed: readonly Witness[];
  /** False when the request space was larger than maxRequests: the answer is then only what was found. */
  readonly complete: boolean;
  /** Requests evaluated (each on both sides). */
  readonly checked: number;
  readonly maxRequests: number;
  /** Size of the request space: actions (by class), and the requests built from them. */
  readonly space: { readonly actions: number; readonly actionClasses: number; readonly requests: number };
}
