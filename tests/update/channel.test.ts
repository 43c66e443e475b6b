import { describe, expect, it } from 'vitest';
import { channelHost, channelUrls } from '../../lib/update/channel';

describe('channelUrls', () => {
  it('puts manifest.sig and the data files beside manifest.json', () => {
    const urls = channelUrls('https://updates.example/crosscheck/release/manifest.json');
    expect(urls.manifest).toBe('https://updates.example/crosscheck/release/manifest.json');
    expect(urls.signature).toBe('https://updates.example/crosscheck/release/manifest.sig');
    expect(urls.file('dataset-7.json')).toBe('https://updates.example/crosscheck/release/dataset-7.json');
  });

  it('accepts http only on loopback hosts', () => {
    expect(channelUrls('http://127.0.0.1:47913/release/manifest.json').signature).toBe(
      'http://127.0.0.1:47913/release/manifest.sig',
    );
    expect(() => channelUrls('http://updates.example/manifest.json')).toThrow(/https/);
    expect(() => channelUrls('ftp://updates.example/manifest.json')).toThrow(/https/);
    expect(() => channelUrls('')).toThrow(/no update channel/);
  });

  it('refuses file names that could leave the release directory', () => {
    const urls = channelUrls('https://updates.example/release/manifest.json');
    for (const name of ['../secret.json', '/dataset-1.json', 'https://evil.example/x', 'a/b.json', '']) {
      expect(() => urls.file(name)).toThrow(/plain release file name/);
    }
  });
});

describe('channelHost', () => {
  it('is the host with its port, or empty for a non-URL', () => {
    expect(channelHost('https://updates.example/release/manifest.json')).toBe('updates.example');
    expect(channelHost('http://127.0.0.1:47913/release/manifest.json')).toBe('127.0.0.1:47913');
    expect(channelHost('not a url')).toBe('');
  });
});
