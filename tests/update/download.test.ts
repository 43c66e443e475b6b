import { describe, expect, it } from 'vitest';
import { DownloadError, downloadCapped, formatBytes, type FetchLike } from '../../lib/update/download';

const URL_ = 'https://updates.example/release/manifest.json';
const LIMITS = { maxBytes: 1000, timeoutMs: 1000 };

async function failure(fetch: FetchLike, limits = LIMITS): Promise<DownloadError> {
  try {
    await downloadCapped(fetch, URL_, 'manifest.json', limits);
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('the download succeeded');
}

/** A stream of `chunks` chunks of `size` bytes; counts how many were pulled. */
function chunkStream(
  chunks: number,
  size: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) {
        controller.close();
        return;
      }
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('downloadCapped', () => {
  it('returns the body bytes, read from a stream in chunks', async () => {
    const { stream } = chunkStream(3, 100);
    const bytes = await downloadCapped(async () => new Response(stream), URL_, 'x', LIMITS);
    expect(bytes).toEqual(new Uint8Array(300).fill(65));
  });

  it('asks without cache, cookies or referrer, with an abort signal', async () => {
    let seen: RequestInit | undefined;
    await downloadCapped(
      async (_url, init) => {
        seen = init;
        return new Response('{}');
      },
      URL_,
      'x',
      LIMITS,
    );
    expect(seen).toMatchObject({
      method: 'GET',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { stream, pulled } = chunkStream(100, 100);
    const error = await failure(async () => new Response(stream, { headers: { 'content-length': '10000' } }));
    expect(error.kind).toBe('too-big');
    expect(error.message).toBe('manifest.json: larger than the 1000 bytes limit');
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading a body without Content-Length as soon as it passes the cap', async () => {
    const { stream, pulled } = chunkStream(1_000_000, 100);
    const error = await failure(async () => new Response(stream));
    expect(error.kind).toBe('too-big');
    expect(pulled()).toBeLessThan(20);
  });

  it('accepts a body of exactly the cap', async () => {
    const { stream } = chunkStream(10, 100);
    expect((await downloadCapped(async () => new Response(stream), URL_, 'x', LIMITS)).length).toBe(1000);
  });

  it('fails on an HTTP error status', async () => {
    const error = await failure(async () => new Response('nope', { status: 503 }));
    expect(error.kind).toBe('http');
    expect(error.message).toBe('manifest.json: the server answered HTTP 503');
  });

  it('fails when redirected to another origin', async () => {
    const error = await failure(async () => {
      const response = new Response('{}');
      Object.defineProperty(response, 'url', { value: 'https://elsewhere.example/manifest.json' });
      return response;
    });
    expect(error.kind).toBe('http');
    expect(error.message).toContain('elsewhere.example');
  });

  it('follows a redirect on the same origin', async () => {
    const bytes = await downloadCapped(
      async () => {
        const response = new Response('ok');
        Object.defineProperty(response, 'url', { value: 'https://updates.example/mirror/manifest.json' });
        return response;
      },
      URL_,
      'x',
      LIMITS,
    );
    expect(new TextDecoder().decode(bytes)).toBe('ok');
  });

  it('fails with network when fetch rejects', async () => {
    const error = await failure(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(error.kind).toBe('network');
    expect(error.message).toBe('manifest.json: could not be downloaded (Failed to fetch)');
  });

  it('times out a request that never answers, aborting it', async () => {
    let signal: AbortSignal | undefined;
    const error = await failure(
      (_url, init) =>
        new Promise(() => {
          signal = init.signal ?? undefined;
        }),
      { maxBytes: 1000, timeoutMs: 20 },
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('manifest.json: no answer within 20 ms');
    expect(signal?.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
      },
    });
    const error = await failure(async () => new Response(stalled), { maxBytes: 1000, timeoutMs: 20 });
    expect(error.kind).toBe('timeout');
  });
});

describe('formatBytes', () => {
  it('uses KB and MB for round sizes', () => {
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
