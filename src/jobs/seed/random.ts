/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the helpers the seed generator needs.
 * Pure 32-bit integer arithmetic: the same seed gives the same sequence on every machine and Node version.
 */

/** A weighted list: [value, weight] pairs. Weights need not sum to anything in particular. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** murmur3's finaliser: a fast, well-mixing 32-bit hash step. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines integers into one 32-bit hash (order matters). For deriving stable sub-seeds. */
export function hash32(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    // Split so that values beyond 2^32 (large indices) still contribute all their bits.
    h = mix32(h ^ mix32((p >>> 0) + 0x7f4a7c15));
    const high = Math.floor(p / 4_294_967_296);
    if (high !== 0) h = mix32(h ^ mix32(high));
  }
  return h;
}

export class Rng {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  /** `seed` is any integer (or several, hashed together). */
  constructor(...seed: readonly number[]) {
    this.reseed(...seed);
  }

  /** Restarts the generator as if newly constructed with this seed; avoids an allocation per posting. */
  reseed(...seed: readonly number[]): this {
    let s = seed.length === 1 ? (seed[0] as number) >>> 0 : hash32(...seed);
    // splitmix32 fills the four state words.
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next() | 1;
    for (let i = 0; i < 8; i++) this.uint32();
    return this;
  }

  /** Next unsigned 32-bit integer (sfc32). */
  uint32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. Throws on an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A value from [value, weight] pairs, with probability proportional to weight. */
  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `n` distinct elements in random order (all of them when n ≥ length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    copy.length = k;
    return copy;
  }
}

/**
 * A weighted table prepared once (cumulative weights, binary search): for large tables picked from often,
 * such as the 250 시군구 or 136 직종.
 */
export class WeightedTable<T> {
  readonly values: readonly T[];
  readonly #cumulative: Float64Array;
  readonly total: number;

  constructor(items: Weighted<T>) {
    const positive = items.filter(([, w]) => w > 0);
    if (positive.length === 0) throw new Error('weighted table needs a positive weight');
    this.values = positive.map(([v]) => v);
    this.#cumulative = new Float64Array(positive.length);
    let sum = 0;
    positive.forEach(([, w], i) => {
      sum += w;
      this.#cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    const cum = this.#cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }

  /** The probability of the i-th value. */
  probability(i: number): number {
    const cum = this.#cumulative;
    return ((cum[i] ?? 0) - (i > 0 ? (cum[i - 1] ?? 0) : 0)) / this.total;
  }
}
