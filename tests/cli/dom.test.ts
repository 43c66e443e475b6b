import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../cli/dom';

describe('loadHtml', () => {
  it('parses a full page without running its scripts', async () => {
    const page = loadHtml(
      '<!doctype html><html><head><title>T</title></head><body><p id="p">Hello <b>big</b> world</p>' +
        '<script>document.title = "ran"; globalThis.__ranByPage = true;</script></body></html>',
    );
    expect(page.document.title).toBe('T');
    expect((globalThis as { __ranByPage?: boolean }).__ranByPage).toBeUndefined();
    expect(page.document.querySelectorAll('html')).toHaveLength(1);
    await page.close();
  });

  it('supports Ranges across nodes (happy-dom collapses them on DOMParser documents)', async () => {
    const page = loadHtml('<p id="p">Hello <b>big</b> world</p>');
    const p = page.document.getElementById('p')!;
    const range = page.document.createRange();
    range.setStart(p.firstChild!, 1);
    range.setEnd(p.lastChild!, 3);
    expect(range.toString()).toBe('ello big wo');
    await page.close();
  });
});
