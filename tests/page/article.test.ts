import { describe, expect, it } from 'vitest';
import { useDocuments } from './documents';
import { findArticleRoot } from '../../lib/page/article';

const { load, fixture } = useDocuments();

const para = (n: number, word = 'text'): string =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i} has some ${word}, enough to count as prose in an article body.</p>`,
  ).join('');

describe('findArticleRoot on fixtures', () => {
  it('takes the <article> on the seed page (og:type=article), not the sidebar or the site header', () => {
    const doc = fixture('seed-nk-troops-kursk.html');
    expect(findArticleRoot(doc)).toBe(doc.querySelector('main > article'));
  });

  it('uses JSON-LD articleBody to pick the story, widened to its headline, past a link-heavy menu', () => {
    const doc = fixture('jsonld-newsarticle.html');
    const root = findArticleRoot(doc);
    expect(root).toBe(doc.querySelector('div.story'));
  });

  it('falls back to the densest text block when there is no <article> or <main>', () => {
    const doc = fixture('no-article-densest.html');
    expect(findArticleRoot(doc)).toBe(doc.querySelector('div.entry'));
  });

  it('takes the declared article on a page with comments and editable regions', () => {
    const doc = fixture('comments-editable.html');
    expect(findArticleRoot(doc)).toBe(doc.querySelector('article.post'));
  });
});

describe('findArticleRoot rules', () => {
  it('takes the largest <article> when the page declares an article in JSON-LD without articleBody', () => {
    const doc = load(
      `<html><head><script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"x"}</script></head>
       <body><article id="small"><p>Short.</p></article><article id="big">${para(3)}</article></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('big');
  });

  it('ignores malformed JSON-LD', () => {
    const doc = load(
      `<html><head><script type="application/ld+json">{ not json</script><meta property="og:type" content="article"></head>
       <body><article id="a">${para(2)}</article></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('a');
  });

  it('does not let a JSON-LD script in the body match its own articleBody', () => {
    const body =
      'The ferry service will add a late sailing on Fridays from June, the operator said, after a trial drew steady crowds through the spring.';
    const doc = load(
      `<html><body><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script>
       <div id="nav">${'<a href="#">link</a> '.repeat(30)}</div><div id="wrap"><div id="story"><p>${body}</p></div>
       <div id="more">${para(6, 'unrelated filler')}</div></div></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('story');
  });

  it('matches articleBody across paragraph boundaries whatever the whitespace', () => {
    const body =
      'The pier reopened on Monday.\n\nRepairs took nine weeks and cost less than expected, the council said.';
    const doc = load(
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head>
       <body><div id="menu">${para(5, 'menu')}</div><div id="story"><p>The pier reopened on   Monday.</p><p>Repairs took nine weeks and cost less than expected, the council said.</p></div>
       <div id="more">${para(5, 'other')}</div></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('story');
  });

  it('ignores a teaser that quotes only the start of articleBody', () => {
    const body = `${'Opening words of the story that a teaser may quote. '.repeat(2)}${'Middle of the story with details. '.repeat(3)}Closing words of the story.`;
    const doc = load(
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head>
       <body><div id="teaser"><p>${body.slice(0, 60)}</p></div><div id="story"><p>${body}</p></div></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('story');
  });

  it('prefers the <article> that holds the JSON-LD articleBody over a tighter div', () => {
    const body =
      'Volunteers counted 340 nesting pairs on the cliffs this year, a rise on last season that the wardens put down to a mild winter and fewer gulls.';
    const doc = load(
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'Article', articleBody: body })}</script></head>
       <body><article id="art"><h1>Seabirds return</h1><div id="inner"><p>${body}</p></div></article></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('art');
  });

  it('does not take a small teaser <article> on an undeclared page: <main> wins', () => {
    const doc = load(
      `<html><body><main id="m">${para(4)}<article id="t"><h2><a href="#">Teaser headline</a></h2></article></main></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('m');
  });

  it('takes an undeclared <article> that holds enough prose', () => {
    const doc = load(`<html><body><main id="m"><article id="a">${para(4)}</article></main></body></html>`);
    expect(findArticleRoot(doc).id).toBe('a');
  });

  it('prefers [itemprop=articleBody] to <main>', () => {
    const doc = load(
      `<html><body><main id="m"><p>Intro</p><div itemprop="articleBody" id="ab">${para(2)}</div></main></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('ab');
  });

  it('ignores an <article> inside an aside even on a declared page', () => {
    const doc = load(
      `<html><head><meta property="og:type" content="article"></head><body>
       <aside><article id="side">${para(8)}</article></aside><main id="m">${para(2)}</main></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('m');
  });

  it('penalises link-heavy containers in the density fallback', () => {
    const links = Array.from(
      { length: 8 },
      (_, i) =>
        `<p><a href="#">Link number ${i}, with a long title, and commas, to look dense, very dense</a></p>`,
    ).join('');
    const doc = load(
      `<html><body><div id="links">${links}</div><div id="prose">${para(3)}</div></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('prose');
  });

  it('does not count comment sections as the densest block', () => {
    const doc = load(
      `<html><body><div id="prose">${para(2)}</div><div id="comments">${para(10, 'reader opinion')}</div></body></html>`,
    );
    expect(findArticleRoot(doc).id).toBe('prose');
  });

  it('returns <body> for a page without prose', () => {
    const doc = load('<html><body><span>hi</span></body></html>');
    expect(findArticleRoot(doc)).toBe(doc.body);
  });
});
