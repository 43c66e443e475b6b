import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedDocument } from '../../cli/dom';
import {
  isExcluded,
  isHardExcluded,
  isInsideExcluded,
  isInsideHardExcluded,
} from '../../lib/page/exclusions';

const open: LoadedDocument[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

function el(html: string, selector = '#t'): Element {
  const loaded = loadHtml(`<html><body>${html}</body></html>`);
  open.push(loaded);
  const found = loaded.document.querySelector(selector);
  if (found === null) throw new Error(`no ${selector}`);
  return found;
}

describe('isHardExcluded', () => {
  it.each([
    ['<textarea id="t"></textarea>'],
    ['<input id="t">'],
    ['<select id="t"></select>'],
    ['<script id="t"></script>'],
    ['<div id="t" contenteditable></div>'],
    ['<div id="t" contenteditable="true"></div>'],
    ['<div id="t" contenteditable="plaintext-only"></div>'],
    ['<div id="t" data-crosscheck="off"></div>'],
    ['<div id="t" hidden></div>'],
    ['<div id="t" aria-hidden="true"></div>'],
    ['<div id="t" style="color: red; display:none"></div>'],
  ])('%s', (html) => {
    expect(isHardExcluded(el(html))).toBe(true);
  });

  it.each([
    ['<div id="t" contenteditable="false"></div>'],
    ['<div id="t" data-crosscheck="on"></div>'],
    ['<div id="t" aria-hidden="false"></div>'],
    ['<p id="t" class="comments"></p>'],
  ])('not %s', (html) => {
    expect(isHardExcluded(el(html))).toBe(false);
  });
});

describe('isExcluded', () => {
  it.each([
    ['<nav id="t"></nav>'],
    ['<footer id="t"></footer>'],
    ['<aside id="t"></aside>'],
    ['<form id="t"></form>'],
    ['<code id="t"></code>'],
    ['<pre id="t"></pre>'],
    ['<button id="t"></button>'],
    ['<header id="t"></header>'],
    ['<div><header id="t"><h1>Site</h1></header></div>'],
    ['<main><header id="t" role="banner"></header></main>'],
    ['<div id="t" role="navigation"></div>'],
    ['<div id="t" role="Complementary"></div>'],
    ['<div id="t" role="search"></div>'],
    ['<section id="t" class="comments"></section>'],
    ['<div id="comments"><p id="t"></p></div>', '#comments'],
    ['<div id="t" class="x comment-list"></div>'],
    ['<div id="disqus_thread"></div>', '#disqus_thread'],
    ['<div id="respond"></div>', '#respond'],
    ['<div id="t" class="replies"></div>'],
    ['<div id="t" class="discussion-panel"></div>'],
    ['<div id="t" class="share-tools"></div>'],
    ['<div id="t" class="related"></div>'],
    ['<div id="t" class="newsletter-signup"></div>'],
  ])('%s', (html, selector = '#t') => {
    expect(isExcluded(el(html, selector))).toBe(true);
  });

  it.each([
    ['<div id="t" class="commentary"></div>'],
    ['<p id="t" class="correspondent"></p>'],
    ['<div id="t" class="has-sidebar with-comments"></div>'],
    ['<div id="t" class="shared-folder"></div>'],
    ['<article><header id="t"><h1>Title</h1></header></article>'],
    ['<div itemprop="articleBody"><header id="t"></header></div>'],
    ['<main><header id="t"><h1>Title</h1></header></main>'],
    ['<section><header id="t"></header></section>'],
  ])('not %s', (html) => {
    expect(isExcluded(el(html))).toBe(false);
  });

  it('never treats <body> or <main> as furniture, whatever their class', () => {
    const main = el('<main id="t" class="sidebar comments"></main>');
    expect(isExcluded(main)).toBe(false);
    expect(isExcluded(main.ownerDocument.body)).toBe(false);
  });
});

describe('ancestor checks', () => {
  it('isInsideExcluded sees excluded ancestors and stops at `stop`', () => {
    const p = el('<aside id="a"><div><p id="t">x</p></div></aside>');
    expect(isInsideExcluded(p)).toBe(true);
    expect(isInsideExcluded(p, p.ownerDocument.getElementById('a'))).toBe(false);
  });

  it('isInsideHardExcluded sees an editable ancestor but not an aside', () => {
    expect(isInsideHardExcluded(el('<div contenteditable><p id="t">x</p></div>'))).toBe(true);
    expect(isInsideHardExcluded(el('<aside><p id="t">x</p></aside>'))).toBe(false);
  });
});
