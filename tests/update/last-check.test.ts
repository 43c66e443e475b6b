import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { getLastCheck, isLastCheck, LAST_CHECK_KEY, recordLastCheck } from '../../lib/update/last-check';

let counter = 0;
let db: CrosscheckDB | undefined;
afterEach(() => db?.close());

describe('recordLastCheck / getLastCheck', () => {
  it('stores the last check and replaces it with the next', async () => {
    db = await openStore(`last-check-test-${++counter}`);
    expect(await getLastCheck(db)).toBeNull();
    const first = {
      checkedAt: '2025-01-01T00:00:00.000Z',
      outcome: { status: 'up-to-date' as const, version: 1 },
    };
    await recordLastCheck(db, first);
    expect(await getLastCheck(db)).toEqual(first);
    const second = {
      checkedAt: '2025-01-02T00:00:00.000Z',
      outcome: { status: 'installed' as const, version: 2, previousVersion: 1 },
    };
    await recordLastCheck(db, second);
    expect(await getLastCheck(db)).toEqual(second);
  });

  it('reads a malformed stored value as no check', async () => {
    db = await openStore(`last-check-test-${++counter}`);
    await db.put('settings', { checkedAt: 'yesterday', outcome: { status: 'installed' } }, LAST_CHECK_KEY);
    expect(await getLastCheck(db)).toBeNull();
  });
});

describe('isLastCheck', () => {
  it.each([
    null,
    'x',
    {},
    { checkedAt: '2025-01-01T00:00:00.000Z' },
    { checkedAt: '2025-01-01T00:00:00.000Z', outcome: { status: 'exploded' } },
    { checkedAt: 5, outcome: { status: 'failed' } },
  ])('refuses %j', (value) => {
    expect(isLastCheck(value)).toBe(false);
  });
});
