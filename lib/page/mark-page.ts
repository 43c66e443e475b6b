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
  /** Settles when the latest pass is over (`ready`, `off` or `error`); never rejects. */
  readonly done: Promise<void>;
  /** The painted marks, once painted; `null` before, after `destroy()` and when nothing was painted. */
  highlights(): PaintedHighlights<PageMark> | null;
  /**
   * The reader switched the site off: removes the highlights, sets `off` with 0/0 on the same
   * host; a pass still running paints nothing.
   */
  off(): void;
  /**
   * Clears the marks and runs a new pass on the same host (`scanning`, then as the first pass);
   * resolves when it is over (the new `done`). A pass still running is abandoned.
   */
  rescan(): Promise<void>;
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
  // Each pass has a number; a pass that is no longer the latest leaves the page alone.
  let pass = 0;

  const clear = (): void => {
    painted?.destroy();
    painted = null;
  };

  const run = async (mine: number): Promise<void> => {
    const article = extractArticle(doc);
    if (article.text === '') {
      host.setState('ready', { names: 0, figures: 0 });
      return;
    }
    const reply = await scan(article.text);
    if (destroyed || mine !== pass) return;
    if (reply.status === 'off') {
      host.setState('off');
      return;
    }
    const marks = buildMarks(article, reply.names, reply.figures);
    const env = options.highlightEnv === undefined ? highlightEnvOf(doc) : options.highlightEnv;
    painted = paintHighlights(doc, marks, env);
    host.setState('ready', { names: painted.counts.name, figures: painted.counts.figure });
  };

  const start = (): Promise<void> => {
    const mine = ++pass;
    return run(mine).catch((error: unknown) => {
      if (destroyed || mine !== pass) return;
      host.setState('error');
      options.onError?.(error);
    });
  };

  let done = start();
  return {
    host,
    get done() {
      return done;
    },
    highlights: () => painted,
    off() {
      if (destroyed) return;
      pass++;
      clear();
      host.setState('off', { names: 0, figures: 0 });
    },
    rescan() {
      if (destroyed) return Promise.resolve();
      clear();
      host.setState('scanning', { names: 0, figures: 0 });
      done = start();
      return done;
    },
    destroy() {
      destroyed = true;
      clear();
      host.destroy();
    },
  };
}
