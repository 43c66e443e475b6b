/**
 * Reading the extension's closed shadow root from an end-to-end test. A page cannot see into a
 * closed shadow root, but the DevTools protocol can: `DOM.getDocument` with `pierce: true`
 * returns shadow roots as children of their host.
 */
import type { CDPSession } from 'playwright-core';

/** A node of CDP's `DOM.getDocument` tree (the fields the tests use). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  /** Flat name/value pairs. */
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The shadow root of the `<crosscheck-ui>` host, or null when there is none. */
export async function hostShadowRoot(cdp: CDPSession): Promise<DomNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | null => {
    if (node.nodeName === 'CROSSCHECK-UI') return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  return find(root)?.shadowRoots?.[0] ?? null;
}

/** The text under `node`, text nodes joined by spaces (callers collapse whitespace). */
export function textOf(node: DomNode): string {
  return node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(textOf).join(' ');
}

/** The value of attribute `name` on `node`, if present. */
export function attributeOf(node: DomNode, name: string): string | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/** All text in the host's shadow root (the card), whitespace collapsed; '' when there is none. */
export async function cardText(cdp: CDPSession): Promise<string> {
  const shadow = await hostShadowRoot(cdp);
  return shadow ? textOf(shadow).replace(/\s+/g, ' ').trim() : '';
}
