/**
 * Where not to look (DESIGN §6): form fields, editable content, code, page furniture (navigation,
 * site headers, footers, sidebars), comment sections, hidden content and anything the page opted
 * out with `data-crosscheck="off"`. Standard DOM only: runs in the content script and in Node.
 */

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'nav',
  'footer',
  'aside',
  'form',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'dialog',
  'head',
  'title',
]);

const SKIPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
]);

// Matched against each lower-cased class token and the id. "comment" but not "commentary";
// "respond"/"reply" only as whole dash/underscore-separated parts ("correspondent" stays).
const COMMENTS = /comment(?!ary|ator)|disqus|discussion|(?:^|[-_])(?:respond|repl(?:y|ies))(?:$|[-_])/;
const FURNITURE =
  /(?:^|[-_])(?:share|sharing|social|related|newsletter|subscribe|subscription|promo|ad|ads|advert|advertisement|sponsored|outbrain|taboola|breadcrumbs?|most-read|mostread|popular|recommended|sidebar|paywall|cookie|consent)(?:$|[-_])/;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * True when `el` and its subtree can never hold article text, wherever it sits: form fields,
 * editable content (`contenteditable` with any value but "false"), code, scripts, hidden content,
 * `data-crosscheck="off"`.
 */
export function isHardExcluded(el: Element): boolean {
  const tag = el.localName;
  if (
    tag === 'input' ||
    tag === 'textarea' ||
    tag === 'select' ||
    tag === 'script' ||
    tag === 'style' ||
    tag === 'template'
  ) {
    return true;
  }
  if (el.getAttribute('data-crosscheck') === 'off') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * True when the subtree of `el`, a descendant of the article root, is not article text: everything
 * {@link isHardExcluded} refuses plus navigation, page-level headers (a `<header>` inside article,
 * section or main is kept),
 * footers, sidebars, forms, comment sections and share/related/newsletter furniture.
 */
export function isExcluded(el: Element): boolean {
  if (isHardExcluded(el)) return true;
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
  // As in ARIA: a <header> inside sectioning content or <main> is that content's own (it holds
  // the article's headline); a page-level one is the site banner.
  if (tag === 'header') {
    const owner = el.parentElement?.closest(
      'article, section, main, [role="main"], [itemprop="articleBody"]',
    );
    return owner === null || owner === undefined;
  }
  return hasFurnitureName(el);
}

/** True when `el` or one of its ancestors is {@link isHardExcluded}. */
export function isInsideHardExcluded(el: Element): boolean {
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
    if (isHardExcluded(cur)) return true;
  }
  return false;
}

/** True when `el` or one of its ancestors up to (not including) `stop` is {@link isExcluded}. */
export function isInsideExcluded(el: Element, stop: Element | null = null): boolean {
  for (let cur: Element | null = el; cur !== null && cur !== stop; cur = cur.parentElement) {
    if (isExcluded(cur)) return true;
  }
  return false;
}

/** Page-level wrappers: their class names describe the layout ("has-sidebar"), not their content. */
const NEVER_FURNITURE = new Set(['html', 'body', 'main']);
/** Layout modifiers ("has-comments", "with-sidebar", "no-ads") say what is elsewhere. */
const MODIFIER = /^(?:has|with|without|no|show|hide|is)[-_]/;

function hasFurnitureName(el: Element): boolean {
  if (NEVER_FURNITURE.has(el.localName)) return false;
  const id = el.getAttribute('id');
  if (id !== null && id !== '' && nameMatches(id.toLowerCase())) return true;
  const cls = el.getAttribute('class');
  if (cls === null || cls === '') return false;
  for (const token of cls.toLowerCase().split(/\s+/)) {
    if (token !== '' && nameMatches(token)) return true;
  }
  return false;
}

function nameMatches(token: string): boolean {
  if (MODIFIER.test(token)) return false;
  return COMMENTS.test(token) || FURNITURE.test(token);
}
