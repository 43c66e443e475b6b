/**
 * Cue phrases compiled into a trie over word ids (DESIGN §9: a small tokenizer and state machine,
 * no large regular expression). Built once per dataset; matched against a {@link Tokens} buffer
 * without allocating. A phrase is tokenised exactly like page text, so "North Korea's" matches
 * "NORTH KOREA" and "North Korea’s".
 */
import { KIND_PUNCT, phraseNorms, type Tokens, type Vocabulary } from './words';

/** Word sequences with values, longest match first. Node 0 is the root; a match is a node > 0. */
export class PhraseTrie<T> {
  /** Child of the root by word id (the only lookup most page words reach). */
  private root = new Int32Array(64);
  /**
   * The other edges: an open-addressing table (linear probing, at most half full) of
   * (parent node, word id) → child node, in typed arrays so a lookup allocates nothing.
   */
  private edgeParent = new Int32Array(64);
  private edgeWord = new Int32Array(64);
  private edgeChild = new Int32Array(64);
  private edgeCount = 0;
  private readonly depths: number[] = [0];
  private readonly vals: (T[] | undefined)[] = [undefined];

  /** `vocab` receives the phrases' words; share it with every trie the tokens are matched against. */
  constructor(private readonly vocab: Vocabulary) {}

  /** Adds `phrase` (tokenised like page text); several values may share one phrase (kept in order, once each). */
  add(phrase: string, value: T): void {
    const norms = phraseNorms(phrase);
    if (norms.length === 0) return;
    let node = 0;
    for (const norm of norms) {
      const id = this.vocab.intern(norm);
      let next = this.step(node, id);
      if (next === 0) {
        next = this.depths.length;
        this.depths.push((this.depths[node] as number) + 1);
        this.vals.push(undefined);
        if (node === 0) {
          if (id >= this.root.length) {
            const grown = new Int32Array(Math.max(id + 1, this.root.length * 2));
            grown.set(this.root);
            this.root = grown;
          }
          this.root[id] = next;
        } else this.addEdge(node, id, next);
      }
      node = next;
    }
    const list = this.vals[node];
    if (!list) this.vals[node] = [value];
    else if (!list.includes(value)) list.push(value);
  }

  /** The node reached from `node` (0: the root) by word id `id`, or 0 when there is none. */
  step(node: number, id: number): number {
    if (node === 0) return id < this.root.length ? (this.root[id] as number) : 0;
    const mask = this.edgeChild.length - 1;
    for (let slot = edgeHash(node, id) & mask; ; slot = (slot + 1) & mask) {
      const child = this.edgeChild[slot] as number;
      if (child === 0) return 0;
      if (this.edgeParent[slot] === node && this.edgeWord[slot] === id) return child;
    }
  }

  private addEdge(parent: number, id: number, child: number): void {
    if (++this.edgeCount * 2 > this.edgeChild.length) {
      const [parents, words, children] = [this.edgeParent, this.edgeWord, this.edgeChild];
      const size = children.length * 2;
      this.edgeParent = new Int32Array(size);
      this.edgeWord = new Int32Array(size);
      this.edgeChild = new Int32Array(size);
      for (let k = 0; k < children.length; k++) {
        if (children[k] !== 0)
          this.placeEdge(parents[k] as number, words[k] as number, children[k] as number);
      }
    }
    this.placeEdge(parent, id, child);
  }

  private placeEdge(parent: number, id: number, child: number): void {
    const mask = this.edgeChild.length - 1;
    let slot = edgeHash(parent, id) & mask;
    while (this.edgeChild[slot] !== 0) slot = (slot + 1) & mask;
    this.edgeParent[slot] = parent;
    this.edgeWord[slot] = id;
    this.edgeChild[slot] = child;
  }

  /** Whether a phrase ends at `node` (it has values). */
  isPhrase(node: number): boolean {
    return this.vals[node] !== undefined;
  }

  /** Number of words of the phrase ending at `node`. */
  length(node: number): number {
    return this.depths[node] as number;
  }

  /** The values of the phrase ending at `node` (empty when none ends there). */
  values(node: number): readonly T[] {
    return this.vals[node] ?? EMPTY;
  }

  /**
   * The longest phrase starting at token `i` and ending at or before token `limit`: its node, or 0.
   * Phrases never start at punctuation.
   */
  longestAt(t: Tokens, i: number, limit: number): number {
    if (limit > t.n) limit = t.n;
    if (i >= limit || t.kind[i] === KIND_PUNCT) return 0;
    const ids = t.id;
    let best = 0;
    let node = this.step(0, ids[i] as number);
    for (let k = i + 1; node !== 0; k++) {
      if (this.vals[node] !== undefined) best = node;
      if (k >= limit) break;
      node = this.step(node, ids[k] as number);
    }
    return best;
  }
}

const EMPTY: readonly never[] = [];

function edgeHash(parent: number, id: number): number {
  return Math.imul(parent, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b);
}
