/**
 * A tiny seeded pseudo-random generator for reproducible fuzzing (a 32-bit xorshift-multiply mix
 * over a Weyl sequence). Not for anything where randomness matters; only for choosing test cases.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Integer skewed towards small values: most mutations are small, a few are enormous. */
  skewed(max: number): number {
    return Math.floor(max ** this.next());
  }
}

/** The seed of case `index` in a run seeded with `seed`, so one case can be replayed on its own. */
export function caseSeed(seed: number, index: number): number {
  return new Prng((seed ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0).nextUint32();
}
