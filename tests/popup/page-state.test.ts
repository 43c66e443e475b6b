import { describe, expect, it } from 'vitest';
import { buildListModel } from '../../lib/popup/list-model';
import {
  datasetLine,
  formatDay,
  panelFor,
  panelMessage,
  shouldPoll,
  staleLine,
  type DatasetFacts,
} from '../../lib/popup/page-state';

const EMPTY = buildListModel([], { quantities: {}, entities: {} });
const ONE = buildListModel([{ kind: 'figure', index: 0, text: '3', quantity: 'q' }], {
  quantities: {},
  entities: {},
});

describe('panelFor', () => {
  it('is unsupported when no content script answered', () => {
    expect(panelFor(null, null)).toEqual({ kind: 'unsupported' });
  });

  it('follows the host state; ready carries the list', () => {
    expect(panelFor({ state: 'scanning' }, null)).toEqual({ kind: 'scanning' });
    expect(panelFor({ state: 'off' }, null)).toEqual({ kind: 'off' });
    expect(panelFor({ state: 'error' }, null)).toEqual({ kind: 'error' });
    expect(panelFor({ state: 'ready' }, ONE)).toEqual({ kind: 'ready', list: ONE });
    expect(panelFor({ state: 'ready' }, null)).toEqual({ kind: 'loading' });
  });
});

describe('panelMessage', () => {
  it('says what the page is doing', () => {
    expect(panelMessage({ kind: 'unsupported' })).toBe('Crosscheck doesn’t run on this page.');
    expect(panelMessage({ kind: 'scanning' })).toBe('Reading the article…');
    expect(panelMessage({ kind: 'ready', list: EMPTY })).toBe('Nothing from the dataset on this page.');
    expect(panelMessage({ kind: 'off' })).toBe('Crosscheck is off on this site.');
    expect(panelMessage({ kind: 'error' })).toBe('Crosscheck could not read this page.');
    expect(panelMessage({ kind: 'loading' })).toBe('Looking at this page…');
  });

  it('says nothing when there is a list', () => {
    expect(panelMessage({ kind: 'ready', list: ONE })).toBeNull();
  });
});

describe('shouldPoll', () => {
  it('asks again only while the page is being read', () => {
    expect(shouldPoll({ kind: 'scanning' })).toBe(true);
    expect(shouldPoll({ kind: 'loading' })).toBe(true);
    for (const kind of ['unsupported', 'off', 'error'] as const) expect(shouldPoll({ kind })).toBe(false);
    expect(shouldPoll({ kind: 'ready', list: ONE })).toBe(false);
  });
});

describe('dataset lines', () => {
  // Local noon, so the day is the same in every time zone the test may run in.
  const installedAt = new Date(2025, 2, 4, 12).toISOString();
  const facts: DatasetFacts = { id: 'nk-troops-russia', version: 1, installedAt, staleSince: null };

  it('formats a day', () => {
    expect(formatDay(installedAt)).toBe('4 Mar 2025');
    expect(formatDay('garbage')).toBe('garbage');
  });

  it('states id, version and update day', () => {
    expect(datasetLine(facts)).toBe('Dataset nk-troops-russia version 1 · updated 4 Mar 2025');
  });

  it('says since when the data is stale, or nothing', () => {
    expect(staleLine(facts)).toBeNull();
    const since = new Date(2025, 5, 30, 12).toISOString();
    expect(staleLine({ ...facts, staleSince: since })).toBe('Stale since 30 Jun 2025');
  });
});
