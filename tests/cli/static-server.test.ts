import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic, type StaticServer } from '../../cli/static-server';

describe('resolveRequestPath', () => {
  it('maps paths under the root and index files', () => {
    expect(resolveRequestPath('/srv/pages', '/a/b.html?x=1')).toBe('/srv/pages/a/b.html');
    expect(resolveRequestPath('/srv/pages', '/a/')).toBe('/srv/pages/a/index.html');
  });

  it('keeps dot segments inside the root and refuses paths that escape it', () => {
    // URL parsing already folds plain and %2e dot segments; an encoded slash is what could escape.
    expect(resolveRequestPath('/srv/pages', '/../secret')).toBe('/srv/pages/secret');
    expect(resolveRequestPath('/srv/pages', '/%2e%2e/secret')).toBe('/srv/pages/secret');
    expect(resolveRequestPath('/srv/pages', '/a/..%2f..%2fsecret')).toBeNull();
    expect(resolveRequestPath('/srv/pages', '/..%2fpages-other/x')).toBeNull();
    expect(resolveRequestPath('/srv/pages', '/%00')).toBeNull();
  });
});

describe('serveStatic', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'static-server-test-'));
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'page.html'), '<p>hello</p>');
    await writeFile(join(root, 'sub', 'data.json'), '{"a":1}');
    server = await serveStatic(root);
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at an ephemeral port', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their content type', async () => {
    const page = await fetch(`${server.origin}/page.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>hello</p>');
    const json = await fetch(`${server.origin}/sub/data.json`);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toEqual({ a: 1 });
  });

  it('answers 404 for missing files and directories, 405 for other methods', async () => {
    expect((await fetch(`${server.origin}/missing.html`)).status).toBe(404);
    expect((await fetch(`${server.origin}/sub`)).status).toBe(404);
    expect((await fetch(`${server.origin}/page.html`, { method: 'POST' })).status).toBe(405);
  });
});
