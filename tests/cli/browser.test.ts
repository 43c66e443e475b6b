import { describe, expect, it } from 'vitest';
import { assertPrerequisites } from '../../cli/browser';

describe('assertPrerequisites', () => {
  it('fails loudly, saying how to build, when the extension is missing', async () => {
    await expect(assertPrerequisites('/nonexistent/chrome-mv3')).rejects.toThrow(
      '/nonexistent/chrome-mv3/manifest.json is missing: build the extension with `npx wxt build`',
    );
  });
});
