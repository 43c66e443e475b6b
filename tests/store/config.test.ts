import { describe, expect, it } from 'vitest';
import { buildSettings } from '../../lib/store/config';

describe('buildSettings', () => {
  it('is an empty channel with no extra keys when no build defined it', () => {
    expect(buildSettings).toEqual({ updateUrl: '', trustedKeys: [] });
  });
});
