// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttributionBadge } from '../../components/AttributionBadge';
import { CARD_HELP, CardFrame } from '../../components/CardFrame';
import { DotPlot } from '../../components/DotPlot';
import { FigureCard } from '../../components/FigureCard';
import { countryName, kindLine, NameCard, partyName, reportsHeading } from '../../components/NameCard';
import { citesText, relationText, ReportItem } from '../../components/ReportList';
import type { CardReport, FigureCardData, NameCardData } from '../../lib/dataset/card-data';
import type { PageFigure } from '../../lib/store/messages';

let root: HTMLElement | undefined;
function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => {
  if (!root) return;
  render(null, root);
  root.remove();
  root = undefined;
});

function report(id: string, overrides: Partial<CardReport> = {}): CardReport {
  return {
    id,
    quantity: 'nk-troops',
    value: { low: 11000, high: 11000, qualifier: 'about' },
    asOf: '2024-10-18',
    published: '2024-10-19',
    outlet: { id: 'herald', name: 'The Korea Herald' },
    source: { id: 'nis', name: 'NIS' },
    attribution: 'intelligence-assessment',
    url: `https://herald.example/${id}`,
    summary: 'A summary.',
    ...overrides,
  };
}

const FIGURE_DATA: FigureCardData = {
  kind: 'figure',
  quantity: {
    id: 'nk-troops',
    label: 'North Korean troops deployed to Russia',
    unit: 'troops',
    description: 'All of them.',
  },
  reports: [
    report('a', { asOf: '2024', chain: 'NIS, closed-door briefing, via a lawmaker' }),
    report('b', {
      value: { low: 10000, high: null, qualifier: 'more-than' },
      attribution: 'party-claim',
      source: undefined,
    }),
    report('c', {
      value: { low: 20000, high: null, qualifier: 'more-than' },
      url: 'http://insecure.example/x',
      disputed: { reason: 'Every other estimate is lower.' },
    }),
  ],
};

const PAGE_FIGURE: PageFigure = {
  start: 0,
  end: 12,
  quantity: 'nk-troops',
  value: { low: 12000, high: 12000 },
  qualifier: 'about',
  attribution: { type: 'unattributed', cue: '' },
};

describe('AttributionBadge', () => {
  it('shows the reader’s label as text with a shape, and a class per type', () => {
    const el = mount(<AttributionBadge type="hearsay" />);
    const badge = el.querySelector('.cc-badge')!;
    expect(text(badge)).toBe('Hedged, no source');
    expect(badge.classList.contains('cc-t-hearsay')).toBe(true);
    expect(badge.querySelector('svg[aria-hidden="true"] path.cc-hollow')).not.toBeNull();
  });

  it('reads an unknown type as unclear', () => {
    const el = mount(<AttributionBadge type={'bogus' as 'unclear'} />);
    expect(text(el)).toBe('Unclear');
  });
});

describe('FigureCard', () => {
  it('says which quantity, the page’s value and how the page attributes it', () => {
    const el = mount(<FigureCard data={FIGURE_DATA} figure={PAGE_FIGURE} titleId="t" />);
    expect(text(el.querySelector('h2#t'))).toBe('North Korean troops deployed to Russia');
    expect(text(el.querySelector('.cc-page-value'))).toBe('about 12,000 troops');
    expect(text(el.querySelector('.cc-page-source'))).toBe('No source given');
  });

  it('quotes the cue after the badge', () => {
    const el = mount(
      <FigureCard
        data={FIGURE_DATA}
        figure={{ ...PAGE_FIGURE, attribution: { type: 'anonymous', cue: 'according to informed sources' } }}
        titleId="t"
      />,
    );
    expect(text(el.querySelector('.cc-page-source'))).toBe(
      'Anonymous sources “according to informed sources”',
    );
  });

  it('lists every report with value, date, outlet, who it cites, badge and link', () => {
    const el = mount(<FigureCard data={FIGURE_DATA} figure={PAGE_FIGURE} titleId="t" />);
    const items = [...el.querySelectorAll('li.cc-report')];
    expect(items).toHaveLength(3);
    expect(text(items[0])).toContain('about 11,000');
    expect(text(items[0])).toContain('as of 2024');
    expect(text(items[0])).toContain('The Korea Herald');
    expect(text(items[0])).toContain('citing NIS, closed-door briefing, via a lawmaker');
    expect(text(items[0])).toContain('Intelligence estimate');
    expect(text(items[1])).toContain('more than 10,000');
    expect(text(items[1])).toContain('Claim by a party to the war');
    expect(text(items[1])).not.toContain('citing');
    const link = items[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://herald.example/a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(text(el.querySelectorAll('h3')[1])).toBe('3 reports, oldest first');
  });

  it('links only https and flags disputed reports with the reason', () => {
    const el = mount(<FigureCard data={FIGURE_DATA} figure={PAGE_FIGURE} titleId="t" />);
    const disputed = el.querySelectorAll('li.cc-report')[2]!;
    expect(disputed.querySelector('a')).toBeNull();
    expect(text(disputed.querySelector('.cc-r-disputed'))).toBe('Disputed: Every other estimate is lower.');
  });

  it('renders dataset text as text, never as markup', () => {
    const data = {
      ...FIGURE_DATA,
      quantity: { ...FIGURE_DATA.quantity, label: '<img src=x onerror=alert(1)>' },
    };
    const el = mount(<FigureCard data={data} figure={PAGE_FIGURE} titleId="t" />);
    expect(el.querySelector('img')).toBeNull();
    expect(text(el.querySelector('h2'))).toBe('<img src=x onerror=alert(1)>');
  });

  it('says so when there are no other reports', () => {
    const el = mount(<FigureCard data={{ ...FIGURE_DATA, reports: [] }} figure={PAGE_FIGURE} titleId="t" />);
    expect(el.querySelector('svg[role="img"]')).toBeNull();
    expect(text(el)).toContain('no other reports');
  });
});

describe('DotPlot', () => {
  const reports = FIGURE_DATA.reports.map((r) => ({
    id: r.id,
    value: r.value,
    qualifier: r.value.qualifier,
    asOf: r.asOf,
    attribution: r.attribution,
    outlet: r.outlet.name,
  }));

  it('draws one marker per report, the page line, and a legend of the types present only', () => {
    const el = mount(
      <DotPlot
        reports={reports}
        page={{ value: { low: 12000, high: 12000 }, qualifier: 'about' }}
        unit="troops"
      />,
    );
    const svg = el.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toContain('3 reports');
    expect(svg.getAttribute('aria-label')).toContain('about 12,000');
    expect(svg.querySelectorAll('g.cc-mark')).toHaveLength(3);
    expect(text(svg.querySelector('.cc-page-label'))).toBe('this page');
    expect(text(svg.querySelector('.cc-axis-unit'))).toBe('troops');
    // Open bounds get arrows; the year-only date a whisker.
    expect(svg.querySelectorAll('.cc-arrow')).toHaveLength(2);
    expect(svg.querySelectorAll('.cc-whisker')).toHaveLength(1);
    const legend = [...el.querySelectorAll('.cc-legend li')].map(text);
    expect(legend).toContain('Intelligence estimate');
    expect(legend).toContain('Claim by a party to the war');
    expect(legend).toContain('this page');
    expect(legend).not.toContain('State media');
    expect(text(svg.querySelector('g.cc-mark title'))).toBe('about 11,000 · 2024 · The Korea Herald');
  });

  it('leaves the page line and its legend entry out without a page value', () => {
    const el = mount(<DotPlot reports={reports} />);
    expect(el.querySelector('.cc-page-line')).toBeNull();
    expect([...el.querySelectorAll('.cc-legend li')].map(text)).not.toContain('this page');
  });
});

describe('NameCard', () => {
  const DATA: NameCardData = {
    kind: 'name',
    entity: {
      id: 'shin',
      name: 'Shin Geum Chul',
      kind: 'person',
      description: 'A North Korean general.',
      roles: [{ title: 'Major General', org: { id: 'kpa', name: 'Korean People’s Army' }, from: '2024-10' }],
      country: 'kp',
      party: 'north-korea',
      links: ['https://en.wikipedia.org/wiki/X', 'javascript:alert(1)'],
    },
    reports: [{ ...report('r1'), quantityLabel: 'Generals killed', relations: ['subject'] }],
    total: 1,
  };

  it('says who it is: kind and country, name, party, roles with dates, description, https links only', () => {
    const el = mount(<NameCard data={DATA} titleId="t" />);
    expect(text(el.querySelector('.cc-kicker'))).toBe('Person · North Korea');
    expect(text(el.querySelector('h2#t'))).toBe('Shin Geum Chul');
    expect(text(el.querySelector('.cc-flags'))).toBe('Party to the war: North Korea');
    expect(text(el.querySelector('.cc-roles'))).toBe('Major General, Korean People’s Army (since Oct 2024)');
    expect(text(el)).toContain('A North Korean general.');
    const links = [...el.querySelectorAll('.cc-links a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://en.wikipedia.org/wiki/X']);
  });

  it('lists its reports with the quantity and how it takes part', () => {
    const el = mount(<NameCard data={DATA} titleId="t" />);
    expect(text(el.querySelector('h3'))).toBe(
      '1 report naming Shin Geum Chul as source, outlet or subject, newest first',
    );
    const item = el.querySelector('li.cc-report')!;
    expect(text(item)).toContain('Generals killed');
    expect(text(item)).toContain('as subject');
  });

  it('flags state media', () => {
    const el = mount(
      <NameCard
        data={{ ...DATA, entity: { ...DATA.entity, kind: 'outlet', party: undefined, stateMedia: true } }}
        titleId="t"
      />,
    );
    expect(text(el.querySelector('.cc-flags'))).toBe('State media');
  });

  it('words its helpers plainly', () => {
    expect(partyName('north-korea')).toBe('North Korea');
    expect(countryName('kr')).toBe('South Korea');
    expect(kindLine('military-unit')).toBe('Military unit');
    expect(reportsHeading('X', 50, 120)).toBe(
      '50 of 120 reports naming X as source, outlet or subject, newest first',
    );
    expect(reportsHeading('X', 0, 0)).toBe('No reports in the dataset name X as source, outlet or subject');
    expect(relationText(['source', 'outlet'])).toBe('as source, outlet');
    expect(citesText({ source: { id: 'a', name: 'A' } })).toBe('A');
    expect(citesText({ chain: 'B via C', source: { id: 'a', name: 'A' } })).toBe('B via C');
  });
});

describe('ReportItem', () => {
  it('marks the link as opening in a new tab for screen readers', () => {
    const el = mount(<ReportItem report={report('x')} />);
    expect(text(el.querySelector('a'))).toBe('herald.example (opens in a new tab)');
  });
});

describe('CardFrame', () => {
  const subject = { kind: 'figure' as const, text: 'about 12,000', figure: PAGE_FIGURE };

  it('is a focusable non-modal dialog labelled by the mark and the heading, with close and help', () => {
    const onClose = vi.fn();
    const el = mount(
      <CardFrame content={{ subject, body: { status: 'card', card: FIGURE_DATA } }} onClose={onClose} />,
    );
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    const ids = dialog.getAttribute('aria-labelledby')!.split(' ');
    expect(ids.map((id) => text(el.querySelector(`#${id}`)))).toEqual([
      'Crosscheck, “about 12,000”:',
      'North Korean troops deployed to Russia',
    ]);
    expect(text(el.querySelector('.cc-foot'))).toBe(CARD_HELP);
    act(() => (el.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows loading, error and missing states', () => {
    const el = mount(<CardFrame content={{ subject, body: { status: 'loading' } }} onClose={() => {}} />);
    expect(text(el.querySelector('.cc-state'))).toBe('Looking up “about 12,000”…');
    act(() => render(<CardFrame content={{ subject, body: { status: 'error' } }} onClose={() => {}} />, el));
    expect(text(el.querySelector('.cc-state'))).toBe('Crosscheck could not load this card.');
    act(() =>
      render(<CardFrame content={{ subject, body: { status: 'missing' } }} onClose={() => {}} />, el),
    );
    expect(text(el.querySelector('.cc-state'))).toContain('no longer has an entry');
    expect(el.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe('cc-mark');
  });
});
