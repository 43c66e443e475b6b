/**
 * Finds the element that holds a page's article (DESIGN §6 "Where to look"). Standard DOM only:
 * runs in the content script and in Node.
 */
import { isHardExcluded, isInsideExcluded } from './exclusions';

const ARTICLE_TYPES = new Set(['newsarticle', 'article', 'reportagenewsarticle', 'opinionnewsarticle']);

/** Below this much paragraph text an `<article>` on a page not declared as one is taken for a teaser. */
const MIN_UNDECLARED_ARTICLE_CHARS = 250;
/** How much more text than articleBody a wrapper may hold (headline, standfirst) and still be the root. */
const HEADLINE_SLACK = 1.3;
/** Occurrences of each articleBody probe considered (a quote in a teaser may repeat one). */
const MAX_OCCURRENCES = 4;
const WHITESPACE_RUN = /[ \t\n\r\f]+/g;
/** Containers (best raw scores first) whose link density the fallback weighs. */
const DENSITY_CANDIDATES = 8;
/** Paragraphs shorter than this don't count towards a container's density (captions, labels). */
const MIN_PARAGRAPH_CHARS = 25;

/**
 * The article root of `doc`, first match wins:
 * 1. JSON-LD `NewsArticle`/`Article`/`ReportageNewsArticle`/`OpinionNewsArticle` with an
 *    `articleBody`: the element whose text best contains it (its own `<article>` if it has one).
 *    The JSON-LD text itself is never used as the article text.
 * 2. The page declares an article (JSON-LD type above or `og:type=article`): the largest `<article>`.
 * 3. Otherwise the largest `<article>` if it holds at least a few paragraphs' worth of text.
 * 4. The largest `[itemprop=articleBody]`.
 * 5. `<main>` (or `[role=main]`) if it holds text.
 * 6. The densest text block: paragraph text per container, link-heavy containers penalised.
 * 7. `<body>` (or the document element).
 * Candidates inside excluded regions (navigation, sidebars, comments, editable content…) are ignored.
 */
export function findArticleRoot(doc: Document): Element {
  const ld = readJsonLd(doc);
  if (ld.body !== null) {
    const matched = matchArticleBody(doc, ld.body);
    if (matched !== null) return matched;
  }
  const declared = ld.isArticle || isOgArticle(doc);
  const article = largest(candidates(doc, 'article'));
  if (article !== null && (declared || article.size >= MIN_UNDECLARED_ARTICLE_CHARS)) return article.el;
  const body = largest(candidates(doc, '[itemprop="articleBody"]'));
  if (body !== null && body.size > 0) return body.el;
  const main = largest(candidates(doc, 'main, [role="main"]'));
  if (main !== null && main.size > 0) return main.el;
  return densestBlock(doc) ?? doc.body ?? doc.documentElement;
}

interface JsonLdArticle {
  isArticle: boolean;
  body: string | null;
}

/** Reads every JSON-LD script; malformed ones are ignored. */
function readJsonLd(doc: Document): JsonLdArticle {
  const out: JsonLdArticle = { isArticle: false, body: null };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    visitJsonLd(data, out, 0);
  }
  return out;
}

function visitJsonLd(node: unknown, out: JsonLdArticle, depth: number): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) visitJsonLd(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const types = Array.isArray(obj['@type']) ? obj['@type'] : [obj['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()))) {
    out.isArticle = true;
    const body = obj['articleBody'];
    if (typeof body === 'string' && collapse(body).length > (out.body?.length ?? 0))
      out.body = collapse(body);
  }
  if (obj['@graph'] !== undefined) visitJsonLd(obj['@graph'], out, depth + 1);
  if (obj['mainEntity'] !== undefined) visitJsonLd(obj['mainEntity'], out, depth + 1);
}

/**
 * The tightest element whose text contains the most probes (short snippets from the start, middle
 * and end of `body`), promoted to its enclosing `<article>` if any, else widened to a wrapper that
 * adds little more than a headline. One pass over the visible text nodes: the page's collapsed
 * text is searched for each probe, and the answer is the lowest common ancestor of the text nodes
 * the chosen occurrences fall in (of every combination of occurrences, the one with most probes,
 * then the smallest ancestor).
 */
function matchArticleBody(doc: Document, body: string): Element | null {
  const probes = makeProbes(body.replace(WHITESPACE_RUN, ''));
  const root = doc.body ?? doc.documentElement;
  if (probes.length === 0) return null;
  const flat = flattenText(root);
  const hits: Text[][][] = probes.map((probe) => {
    const found: Text[][] = [];
    for (
      let at = flat.text.indexOf(probe);
      at >= 0 && found.length < MAX_OCCURRENCES;
      at = flat.text.indexOf(probe, at + 1)
    ) {
      found.push([flat.nodeAt(at), flat.nodeAt(at + probe.length - 1)]);
    }
    return found;
  });
  let best: Element | null = null;
  let bestHits = 0;
  let bestSize = Infinity;
  const sizes = new Map<Element, number>();
  const sizeOf = (el: Element): number => {
    let size = sizes.get(el);
    if (size === undefined) sizes.set(el, (size = visibleText(el).length));
    return size;
  };
  const choose = (i: number, nodes: Text[], count: number): void => {
    if (i === hits.length) {
      const lca = commonAncestor(nodes);
      if (lca === null) return;
      const size = count > 0 ? sizeOf(lca) : Infinity;
      if (count > bestHits || (count === bestHits && size < bestSize)) {
        best = lca;
        bestHits = count;
        bestSize = size;
      }
      return;
    }
    choose(i + 1, nodes, count);
    for (const pair of hits[i]!) choose(i + 1, [...nodes, ...pair], count + 1);
  };
  choose(0, [], 0);
  // Half the probes at least: a teaser that quotes the first sentence is not the article.
  if (best === null || bestHits * 2 < probes.length) return null;
  const found: Element = best;
  const article = found.closest('article');
  if (article !== null && !isInsideExcluded(article)) return article;
  // articleBody usually leaves out the headline: widen to a wrapper that adds little else.
  const ownSize = collapse(visibleText(found)).length;
  let widened = found;
  for (let up = found.parentElement; up !== null && up !== doc.body; up = up.parentElement) {
    if (isInsideExcluded(up) || collapse(visibleText(up)).length > ownSize * HEADLINE_SLACK) break;
    widened = up;
  }
  return widened;
}

/** The visible text under `root` without whitespace, with a way back to its Text nodes. */
function flattenText(root: Element): { text: string; nodeAt(offset: number): Text } {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const visit = (el: Element): void => {
    for (let c = el.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 1) {
        if (!INVISIBLE.has((c as Element).localName) && !isHardExcluded(c as Element)) visit(c as Element);
        continue;
      }
      if (c.nodeType !== 3) continue;
      // Without any whitespace: block boundaries add none to textContent, articleBody may.
      const s = (c as Text).data.replace(WHITESPACE_RUN, '');
      if (s === '') continue;
      nodes.push(c as Text);
      starts.push(length);
      parts.push(s);
      length += s.length;
    }
  };
  visit(root);
  const nodeAt = (offset: number): Text => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return nodes[lo]!;
  };
  return { text: parts.join(''), nodeAt };
}

/** The deepest element containing every node, or null for an empty list. */
function commonAncestor(nodes: readonly Node[]): Element | null {
  if (nodes.length === 0) return null;
  let lca: Element | null = nodes[0]!.parentElement;
  for (const node of nodes) {
    while (lca !== null && !lca.contains(node)) lca = lca.parentElement;
  }
  return lca;
}

function makeProbes(body: string): string[] {
  const size = 40;
  if (body.length <= size * 3) return body.length >= 20 ? [body] : [];
  const mid = Math.floor(body.length / 2 - size / 2);
  return [body.slice(0, size), body.slice(mid, mid + size), body.slice(-size)].map((p) => p.trim());
}

function isOgArticle(doc: Document): boolean {
  const meta = doc.querySelector('meta[property="og:type"], meta[name="og:type"]');
  return (meta?.getAttribute('content') ?? '').trim().toLowerCase() === 'article';
}

interface Candidate {
  el: Element;
  /** Characters of paragraph-like text outside excluded regions. */
  size: number;
}

function candidates(doc: Document, selector: string): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    if (isInsideExcluded(el)) continue;
    out.push({ el, size: paragraphChars(el) });
  }
  return out;
}

function largest(list: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of list) if (best === null || c.size > best.size) best = c;
  return best;
}

/** Text length of `el`'s paragraphs (p, li, blockquote, h1–h6, dd, td), excluded regions skipped. */
function paragraphChars(el: Element): number {
  let total = 0;
  for (const p of Array.from(el.querySelectorAll('p, li, blockquote, h1, h2, h3, h4, h5, h6, dd, td'))) {
    if (isInsideExcluded(p, el)) continue;
    // Nested matches (a p inside a li) would count twice: count only the outermost.
    const outer = p.parentElement?.closest('p, li, blockquote, dd, td');
    if (outer && el.contains(outer) && outer !== el) continue;
    total += collapse(p.textContent ?? '').length;
  }
  return total;
}

/**
 * Readability-like, but small: each paragraph scores 1 + its commas + one per 100 characters
 * (up to 3), scaled by its share of non-link text; the score goes to its parent in full and to its grandparent by half; each container's
 * total is scaled by (1 − link density). Paragraphs in excluded regions do not count.
 */
function densestBlock(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  const root = doc.body ?? doc.documentElement;
  for (const p of Array.from(root.querySelectorAll('p, td, blockquote, pre, div'))) {
    if (p.localName === 'div' && !hasOwnText(p)) continue;
    if (isInsideExcluded(p)) continue;
    const text = collapse(p.textContent ?? '');
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    // A paragraph that is mostly links is a list of teasers, whatever its commas.
    const score =
      (1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3)) *
      (1 - linkDensity(p));
    const parent = p.parentElement;
    if (parent === null) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand !== null) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  // Link density reads a container's whole text: only for the few best raw scores.
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, DENSITY_CANDIDATES);
  for (const [el, score] of top) {
    const scaled = score * (1 - linkDensity(el));
    if (scaled > bestScore) {
      best = el;
      bestScore = scaled;
    }
  }
  return best;
}

/** True when a div holds non-blank text directly (a "block-ish div"), not only via children. */
function hasOwnText(el: Element): boolean {
  for (let c = el.firstChild; c !== null; c = c.nextSibling) {
    if (c.nodeType === 3 && (c.textContent ?? '').trim().length > 0) return true;
  }
  return false;
}

function linkDensity(el: Element): number {
  const total = collapse(el.textContent ?? '').length;
  if (total === 0) return 1;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += collapse(a.textContent ?? '').length;
  return Math.min(links / total, 1);
}

const INVISIBLE = new Set(['script', 'style', 'template', 'noscript']);

/** `textContent` without scripts and styles (a JSON-LD script would otherwise match itself). */
function visibleText(el: Element): string {
  const parts: string[] = [];
  const visit = (node: Element): void => {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push((c as Text).data);
      else if (c.nodeType === 1 && !INVISIBLE.has((c as Element).localName)) visit(c as Element);
    }
  };
  visit(el);
  return parts.join('');
}

function collapse(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ').trim();
}
