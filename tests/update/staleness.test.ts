import { describe, expect, it } from 'vitest';
import type { DatasetStatus } from '../../lib/store/generations';
import { staleSince } from '../../lib/update/staleness';

const STATUS: DatasetStatus = {
  id: 'mini',
  version: 2,
  generation: 2,
  counts: { entities: 1, quantities: 1, reports: 1 },
  installedAt: '2025-01-01T00:00:00.000Z',
  source: 'update',
  expires: '2025-02-01T00:00:00.000Z',
};

describe('staleSince', () => {
  it('is the expiry once it has passed', () => {
    expect(staleSince(STATUS, new Date('2025-02-01T00:00:00.000Z'))).toBe(STATUS.expires);
    expect(staleSince(STATUS, new Date('2025-03-01T00:00:00.000Z'))).toBe(STATUS.expires);
  });

  it('is null before the expiry, for the bundled copy and with no dataset', () => {
    expect(staleSince(STATUS, new Date('2025-01-31T23:59:59.000Z'))).toBeNull();
    const { expires: _expires, ...bundled } = STATUS;
    expect(staleSince({ ...bundled, source: 'bundled' }, new Date('2030-01-01T00:00:00.000Z'))).toBeNull();
    expect(staleSince(null, new Date())).toBeNull();
  });
});
