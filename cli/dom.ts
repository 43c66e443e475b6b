/**
 * Loads HTML into a DOM in Node (happy-dom) so the command line and the tests run the same
 * `lib/page` code as the content script. Page scripts never run and nothing is fetched.
 */
import { Window } from 'happy-dom';

/** A parsed page and the way to release it. */
export interface LoadedDocument {
  document: Document;
  /** Frees the window (timers, listeners); the document must not be used afterwards. */
  close(): Promise<void>;
}

/**
 * Parses `html` as a `text/html` document whose URL is `url` (used for relative links only).
 * Scripts, stylesheets, iframes and navigation are disabled.
 */
export function loadHtml(html: string, url = 'https://crosscheck.invalid/'): LoadedDocument {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  // document.write into the window's own document rather than DOMParser: happy-dom 21's Range
  // collapses any range set on a DOMParser document, and the content script needs Ranges.
  window.document.write(html);
  // happy-dom's classes implement the standard DOM interfaces lib/page is typed against.
  const document = window.document as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}
