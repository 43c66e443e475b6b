/**
 * One marking pass over a page (DESIGN §2, §7): host element → article text → scan (by the
 * background; injected here) → ranges → highlights, with the host's `data-state` telling how it
 * went. Standard DOM only; the content script supplies the messaging.
 */
import type { ScanReply } from '../store/messages';
import { extractArticle } from './extract';
import { highlightEnvOf, paintHighlights, type HighlightEnv, type PaintedHighlights } from './highlights';
import { createHost, type PageHost } from './host';
import { buildMarks, type PageMark } from './page-marks';

/** Scans an article's text (the content script sends it to the background). */
export type ScanText = (text: string) => Promise<ScanReply>;

export interface MarkingOptions {
  /** The Highlight API to paint with; defaults to the document's window's. */
  highlightEnv?: HighlightEnv | null;
  /** Called with whatever made the pass fail (after `data-state` became `error`). */
  onError?: (error: unknown) => void;
}

export interface MarkingSession {
  readonly host: PageHost;
  /** Settles when the pass is over (`ready`, `off` or `error`); never rejects. */
  readonly done: Promise<void>;
  /** The painted marks, once painted; `null` before, after `destroy()` and when nothing was painted. */
  highlights(): PaintedHighlights<PageMark> | null;
  /** Removes the highlights, their stylesheet and the host; a pass still running paints nothing. */
  destroy(): void;
}

/**
 * Starts marking `doc`: creates the host (`scanning`) at once, then scans the article's text and
 * paints its names and linked figures. An empty article ends `ready` with 0/0 and is not sent;
 * a reply of `off` ends `off`; any failure (scan rejected, no Highlight API) ends `error`.
 */
export function startMarking(doc: Document, scan: ScanText, options: MarkingOptions = {}): MarkingSession {
  const host = createHost(doc);
  let painted: PaintedHighlights<PageMark> | null = null;
  let destroyed = false;

  const run = async (): Promise<void> => {
    const article = extractArticle(doc);
    if (article.text === '') {
      host.setState('ready', { names: 0, figures: 0 });
      return;
    }
    const reply = await scan(article.text);
    if (destroyed) return;
    if (reply.status === 'off') {
      host.setState('off');
      return;
    }
    const marks = buildMarks(article, reply.names, reply.figures);
    const env = options.highlightEnv === undefined ? highlightEnvOf(doc) : options.highlightEnv;
    painted = paintHighlights(doc, marks, env);
    host.setState('ready', { names: painted.counts.name, figures: painted.counts.figure });
  };

  const done = run().catch((error: unknown) => {
    if (destroyed) return;
    host.setState('error');
    options.onError?.(error);
  });

  return {
    host,
    done,
    highlights: () => painted,
    destroy() {
      destroyed = true;
      painted?.destroy();
      painted = null;
      host.destroy();
    },
  };
}
