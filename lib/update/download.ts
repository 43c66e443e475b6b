/**
 * One capped download for the update channel (DESIGN §8): every request has a byte limit and a
 * time limit, bypasses the HTTP cache and sends no cookies, so a slow, huge or hostile host can
 * neither stall the background nor fill its memory.
 */

/** The `fetch` the client uses (the global one in the extension, a fake in tests). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Why a download failed. */
export type DownloadFailure = 'network' | 'http' | 'too-big' | 'timeout';

/** A download failed; `kind` says how, the message says what in plain words. */
export class DownloadError extends Error {
  readonly kind: DownloadFailure;
  constructor(kind: DownloadFailure, message: string) {
    super(message);
    this.name = 'DownloadError';
    this.kind = kind;
  }
}

export interface DownloadLimits {
  /** The most bytes read from the body; a longer body fails with `too-big`. */
  maxBytes: number;
  /** Milliseconds for the whole request, body included; then it fails with `timeout`. */
  timeoutMs: number;
}

/**
 * Fetches `url` with GET, `cache: 'no-store'`, `credentials: 'omit'` and no referrer, and returns
 * the body's bytes. Rejects with a `DownloadError`: `http` for a non-2xx status or a redirect to
 * another origin, `too-big` when `Content-Length` or the bytes read exceed `maxBytes` (reading stops
 * there), `timeout` when the whole download takes longer than `timeoutMs` (the request is
 * aborted), `network` for anything else the fetch throws. `name` is how messages call the file.
 */
export async function downloadCapped(
  fetchFn: FetchLike,
  url: string,
  name: string,
  limits: DownloadLimits,
): Promise<Uint8Array> {
  const controller = new AbortController();
  let timedOut = false;
  let onTimeout: () => void = () => undefined;
  // Rejects when the time is up: also ends a body read that ignores the abort signal.
  const deadline = new Promise<never>((_, reject) => {
    onTimeout = () =>
      reject(new DownloadError('timeout', `${name}: no answer within ${seconds(limits.timeoutMs)}`));
  });
  deadline.catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    onTimeout();
  }, limits.timeoutMs);
  try {
    return await Promise.race([fetchBody(fetchFn, url, name, limits.maxBytes, controller.signal), deadline]);
  } catch (error) {
    if (timedOut)
      throw new DownloadError('timeout', `${name}: no answer within ${seconds(limits.timeoutMs)}`);
    if (error instanceof DownloadError) throw error;
    throw new DownloadError('network', `${name}: could not be downloaded (${messageOf(error)})`);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchBody(
  fetchFn: FetchLike,
  url: string,
  name: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const response = await fetchFn(url, {
    method: 'GET',
    cache: 'no-store',
    credentials: 'omit',
    redirect: 'follow',
    referrerPolicy: 'no-referrer',
    signal,
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError('http', `${name}: the server answered HTTP ${response.status}`);
  }
  // A redirect may only stay on the channel's origin: the host permission covers nothing else.
  if (response.url !== '' && new URL(response.url).origin !== new URL(url).origin) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError('http', `${name}: redirected to another host (${new URL(response.url).host})`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig(name, maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);
  return readCapped(response.body, name, maxBytes);
}

/** Reads a stream into one array, cancelling it as soon as it passes `maxBytes`. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  name: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooBig(name, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooBig(name: string, maxBytes: number): DownloadError {
  return new DownloadError('too-big', `${name}: larger than the ${formatBytes(maxBytes)} limit`);
}

/** "64 KB", "20 MB", "900 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
