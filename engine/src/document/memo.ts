/**
 * Data derived from a parsed policy, statement or element, kept on that object itself.
 *
 * A WeakMap keyed by a parsed object would do the same job, but V8's minor GC traces the values of
 * weak maps as if they were strong: a cached value that points back into its document (a
 * statement, a node) keeps that whole young tree alive through every scavenge until a major GC.
 * While typing into a 10 KB policy that tripled what each scavenge copied and made every
 * twentieth keystroke several milliseconds slower. A slot on the object dies with the object.
 */
export class MemoSlot<T> {
  /** The name is for debugging only; slots are told apart by identity. */
  constructor(readonly name: string) {}
  /** Never set: makes MemoSlot<A> and MemoSlot<B> different types. */
  declare private readonly type: T;
}

const SLOTS = Symbol('iam-author.memo');

type Holder = { [SLOTS]?: Map<MemoSlot<unknown>, unknown> };

/** `compute()` for `owner` the first time `slot` is asked for it; the same value after that. */
export function memoized<T>(owner: object, slot: MemoSlot<T>, compute: () => T): T {
  const holder = owner as Holder;
  let slots = holder[SLOTS];
  if (slots === undefined) {
    slots = new Map();
    // Not enumerable: trees still compare equal in tests and serialise as before.
    Object.defineProperty(holder, SLOTS, { value: slots, enumerable: false });
  } else if (slots.has(slot)) {
    return slots.get(slot) as T;
  }
  const value = compute();
  slots.set(slot, value);
  return value;
}
