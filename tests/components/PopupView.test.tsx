// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PopupView,
  type DatasetState,
  type PopupViewProps,
  type SiteSwitchState,
} from '../../components/PopupView';
import type { PopupMark } from '../../lib/page/tab-messages';
import { buildListModel } from '../../lib/popup/list-model';
import type { DatasetFacts, PagePanel } from '../../lib/popup/page-state';

const MARKS: PopupMark[] = [
  { kind: 'name', index: 0, text: 'Kim Jong Un', entity: 'kim-jong-un' },
  { kind: 'figure', index: 1, text: 'about 12,000', quantity: 'nk-troops', attribution: 'unattributed' },
  { kind: 'name', index: 2, text: 'Shin Geum Chul', entity: 'shin' },
  { kind: 'figure', index: 3, text: 'More than 5,000', quantity: 'nk-casualties', attribution: 'hearsay' },
  { kind: 'name', index: 4, text: 'Major General Shin', entity: 'shin' },
  { kind: 'name', index: 5, text: 'Shin Geum Chul', entity: 'shin' },
];
const LIST = buildListModel(MARKS, {
  quantities: {
    'nk-troops': 'North Korean troops deployed to Russia',
    'nk-casualties': 'North Korean casualties',
  },
  entities: { 'kim-jong-un': 'Kim Jong Un', shin: 'Shin Geum Chul' },
});
const SITE: SiteSwitchState = { host: 'news.example.org', disabled: false };
// Local noon: the same day in every time zone.
const FACTS: DatasetFacts = {
  id: 'nk-troops-russia',
  version: 1,
  installedAt: new Date(2025, 2, 4, 12).toISOString(),
  staleSince: null,
};
const DATASET: DatasetState = { kind: 'ready', facts: FACTS };

let host: HTMLElement | undefined;
function mount(overrides: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    page: { kind: 'ready', list: LIST },
    site: SITE,
    dataset: DATASET,
    onJump: vi.fn(),
    onSiteToggle: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  const element = document.createElement('div');
  document.body.append(element);
  act(() => render(<PopupView {...props} />, element));
  host = element;
  return { element, props };
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => {
  if (!host) return;
  render(null, host);
  host.remove();
  host = undefined;
});

describe('PopupView', () => {
  it('lists figures first, each a button with its text, quantity label and attribution badge', () => {
    const { element } = mount();
    const rows = Array.from(element.querySelectorAll('.item-figure'));
    expect(rows.map((r) => r.localName)).toEqual(['button', 'button']);
    expect(rows.map((r) => r.getAttribute('type'))).toEqual(['button', 'button']);
    expect(text(rows[0])).toBe('about 12,000 No source given North Korean troops deployed to Russia');
    expect(text(rows[1]!.querySelector('.cc-badge'))).toBe('Hedged, no source');
    const headings = Array.from(element.querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings).toEqual(['Figures', 'Names']);
    expect(text(element.querySelector('.counts'))).toBe('2 figures, 4 names');
  });

  it('groups names by entity with their mention count and other spellings', () => {
    const { element } = mount();
    const rows = Array.from(element.querySelectorAll('.item-name'));
    expect(rows.map((r) => text(r.querySelector('.item-name-text')))).toEqual([
      'Kim Jong Un',
      'Shin Geum Chul',
    ]);
    expect(text(rows[1])).toContain('3 mentions');
    expect(text(rows[1])).toContain('as “Major General Shin”');
    expect(text(rows[0])).not.toContain('mentions');
  });

  it('jumps to a figure on click, and through a name’s mentions on repeated clicks', () => {
    const { element, props } = mount();
    act(() => (element.querySelectorAll('.item-figure')[0] as HTMLButtonElement).click());
    expect(props.onJump).toHaveBeenLastCalledWith(1);
    const shin = element.querySelectorAll('.item-name')[1] as HTMLButtonElement;
    for (const expected of [2, 4, 5, 2]) {
      act(() => shin.click());
      expect(props.onJump).toHaveBeenLastCalledWith(expected);
    }
  });

  it('has a labelled switch for the site that reports its new position', () => {
    const { element, props } = mount();
    const toggle = element.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.type).toBe('checkbox');
    expect(toggle.checked).toBe(true);
    expect(text(toggle.closest('label'))).toBe('On this site (news.example.org)');
    act(() => toggle.click());
    expect(props.onSiteToggle).toHaveBeenCalledWith(false);
  });

  it('shows the switch off and disabled while saving; none without a site', () => {
    const { element } = mount({ site: { ...SITE, disabled: true, busy: true } });
    const toggle = element.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(true);
    act(() => render(null, element));
    const again = mount({ site: null, page: { kind: 'unsupported' } });
    expect(again.element.querySelector('[role="switch"]')).toBeNull();
  });

  it.each<[PagePanel, string]>([
    [{ kind: 'unsupported' }, 'Crosscheck doesn’t run on this page.'],
    [{ kind: 'scanning' }, 'Reading the article…'],
    [
      { kind: 'ready', list: buildListModel([], { quantities: {}, entities: {} }) },
      'Nothing from the dataset on this page.',
    ],
    [{ kind: 'off' }, 'Crosscheck is off on this site.'],
  ])('says what the page is doing in the status region (%o)', (page, message) => {
    const { element } = mount({ page });
    expect(text(element.querySelector('[role="status"]'))).toBe(message);
    expect(element.querySelector('.item')).toBeNull();
    expect(element.querySelector('.counts')).toBeNull();
  });

  it('shows the dataset version and update day, and links to the options page', () => {
    const { element, props } = mount({ optionsHref: 'chrome-extension://x/options.html' });
    expect(text(element.querySelector('footer'))).toBe(
      'Dataset nk-troops-russia version 1 · updated 4 Mar 2025 Options',
    );
    expect(element.querySelector('.stale')).toBeNull();
    const link = element.querySelector('a.options-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('chrome-extension://x/options.html');
    act(() => link.click());
    expect(props.onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('says since when the dataset is stale', () => {
    const staleSince = new Date(2025, 5, 30, 12).toISOString();
    const { element } = mount({
      dataset: {
        kind: 'ready',
        facts: { ...FACTS, staleSince },
      },
    });
    expect(text(element.querySelector('.stale'))).toBe('Stale since 30 Jun 2025');
    expect(element.querySelector('.stale time')?.getAttribute('datetime')).toBe(staleSince);
  });

  it('renders dataset strings as text, never markup', () => {
    const list = buildListModel([{ kind: 'figure', index: 0, text: '<b>3</b>', quantity: 'q' }], {
      quantities: { q: '<img src=x onerror=alert(1)>' },
      entities: {},
    });
    const { element } = mount({ page: { kind: 'ready', list } });
    expect(element.querySelector('img, b')).toBeNull();
    expect(text(element.querySelector('.item-figure'))).toBe('<b>3</b> <img src=x onerror=alert(1)>');
  });
});
