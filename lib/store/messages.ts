/**
 * Messages that extension pages (options, popup) send to the background about the store, and
 * the checks the background applies before answering (DESIGN §8: shape and sender).
 */

/** Asks the background for the active dataset's status. */
export interface GetStatusRequest {
  type: 'getStatus';
}

/** True when `message` is exactly a `getStatus` request. */
export function isGetStatusRequest(message: unknown): message is GetStatusRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'getStatus' &&
    Object.keys(message).length === 1
  );
}

/** The parts of a message sender the check needs (a subset of `runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/**
 * True when the sender is one of this extension's own pages: same extension id, a URL under the
 * extension's origin. Content scripts fail it: their sender URL is the web page's.
 * `extensionOrigin` is `runtime.getURL('/')`.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}
