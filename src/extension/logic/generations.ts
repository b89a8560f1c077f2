/**
 * A per-key generation counter: each new request for a key gets a fresh
 * generation, and a result is published only if its generation is still the
 * latest for that key, so slow (async) lint runs never overwrite newer ones.
 * Generations come from one global sequence, so a key that is deleted and
 * reused never sees an old generation become current again.
 */
export class Generations<Key> {
  private readonly current = new Map<Key, number>();
  private sequence = 0;

  /** Starts a new generation for `key` and returns it. */
  next(key: Key): number {
    const generation = ++this.sequence;
    this.current.set(key, generation);
    return generation;
  }

  /** Whether `generation` is still the latest for `key`. */
  isCurrent(key: Key, generation: number): boolean {
    return this.current.get(key) === generation;
  }

  /** Forgets a key (document closed); results still in flight become stale. */
  delete(key: Key): void {
    this.current.delete(key);
  }
}
