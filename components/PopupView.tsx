import { useState } from 'preact/hooks';
import type { FigureItem, ListModel, NameGroup } from '../lib/popup/list-model';
import {
  datasetLine,
  formatDay,
  panelMessage,
  staleLine,
  type DatasetFacts,
  type PagePanel,
} from '../lib/popup/page-state';
import { AttributionBadge } from './AttributionBadge';

/** The site switch: the target tab's host and whether the reader switched it off. */
export interface SiteSwitchState {
  host: string;
  disabled: boolean;
  /** A change is being saved: the switch is disabled meanwhile. */
  busy?: boolean;
}

/** What the footer knows about the dataset. */
export type DatasetState = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; facts: DatasetFacts };

export interface PopupViewProps {
  page: PagePanel;
  /** `null` when the tab is not a web page (no switch then). */
  site: SiteSwitchState | null;
  dataset: DatasetState;
  /** Scrolls the page to mark `index` and opens its card. */
  onJump(index: number): void;
  /** The reader flipped the switch: `on` is its new position. */
  onSiteToggle(on: boolean): void;
  onOpenOptions(): void;
  /** The options page's URL, for the link's `href` (the click calls `onOpenOptions`). */
  optionsHref?: string;
}

/**
 * The toolbar popup (DESIGN §1): what was found on this page (figures first, then names grouped by
 * entity; each row jumps to its mark), the switch that turns the extension off for this site,
 * and the dataset's version, update date and staleness with a link to the options page.
 */
export function PopupView(props: PopupViewProps) {
  const { page, site, dataset } = props;
  const message = panelMessage(page);
  const list = page.kind === 'ready' ? page.list : null;
  const hasItems = list !== null && list.figures.length + list.names.length > 0;

  return (
    <main class="popup">
      <header class="bar">
        <h1 class="brand">
          {/* The two marks a page gets: a solid underline (figures), a dotted one (names). */}
          <svg class="logo" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M2 5.5h12" />
            <path class="logo-dots" d="M2.5 11h11.5" />
          </svg>
          Crosscheck
        </h1>
        {site !== null && <SiteSwitch site={site} onToggle={props.onSiteToggle} />}
      </header>

      <section class="found" aria-labelledby="found-heading">
        <div class="found-head">
          <h2 id="found-heading">On this page</h2> {hasItems && <p class="counts">{list.countsText}</p>}
        </div>
        <div role="status" aria-live="polite" class="status">
          {message !== null && <p class={`note note-${page.kind}`}>{message}</p>}
        </div>
        {hasItems && <MarkList list={list} onJump={props.onJump} />}
      </section>

      <footer class="dataset">
        <DatasetLines dataset={dataset} />{' '}
        <a
          class="options-link"
          href={props.optionsHref ?? 'options.html'}
          onClick={(event) => {
            event.preventDefault();
            props.onOpenOptions();
          }}
        >
          Options
        </a>
      </footer>
    </main>
  );
}

function SiteSwitch({ site, onToggle }: { site: SiteSwitchState; onToggle(on: boolean): void }) {
  return (
    <label class="switch">
      <span class="switch-text">
        On this site <span class="host">({site.host})</span>
      </span>
      <input
        type="checkbox"
        role="switch"
        class="switch-input"
        checked={!site.disabled}
        disabled={site.busy === true}
        aria-busy={site.busy === true}
        onChange={(event) => onToggle((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
    </label>
  );
}

function MarkList({ list, onJump }: { list: ListModel; onJump(index: number): void }) {
  return (
    <div class="lists">
      {list.figures.length > 0 && (
        <>
          <h3 class="list-heading" id="figures-heading">
            Figures
          </h3>
          <ul class="items" aria-labelledby="figures-heading">
            {list.figures.map((item) => (
              <FigureRow key={item.index} item={item} onJump={onJump} />
            ))}
          </ul>
        </>
      )}
      {list.names.length > 0 && (
        <>
          <h3 class="list-heading" id="names-heading">
            Names
          </h3>
          <ul class="items" aria-labelledby="names-heading">
            {list.names.map((group) => (
              <NameRow key={group.entity} group={group} onJump={onJump} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function FigureRow({ item, onJump }: { item: FigureItem; onJump(index: number): void }) {
  return (
    <li>
      <button
        type="button"
        class="item item-figure"
        data-index={item.index}
        onClick={() => onJump(item.index)}
      >
        {/* The spaces between the flex items do not render; they keep words apart in the
            button's accessible name. */}
        <span class="item-main">
          <span class="item-value">{item.text}</span>{' '}
          {item.attribution && <AttributionBadge type={item.attribution} />}
        </span>{' '}
        <span class="item-sub">{item.label}</span>
      </button>
    </li>
  );
}

/** A name row: each click jumps to the next mention, wrapping around. */
function NameRow({ group, onJump }: { group: NameGroup; onJump(index: number): void }) {
  const [next, setNext] = useState(0);
  const count = group.mentions.length;
  const jump = () => {
    const at = next % count;
    setNext(at + 1);
    onJump(group.mentions[at]!);
  };
  return (
    <li>
      <button
        type="button"
        class="item item-name"
        data-index={group.mentions[next % count]}
        onClick={jump}
        title={count > 1 ? 'Each click goes to the next mention' : undefined}
      >
        <span class="item-main">
          <span class="item-name-text">{group.name}</span>{' '}
          {count > 1 && (
            <span class="item-count">
              <span aria-hidden="true">×{count}</span>
              <span class="sr">, {count} mentions</span>
            </span>
          )}
        </span>{' '}
        {group.variants.length > 0 && (
          <span class="item-sub">as {group.variants.map((v) => `“${v}”`).join(', ')}</span>
        )}
      </button>
    </li>
  );
}

function DatasetLines({ dataset }: { dataset: DatasetState }) {
  if (dataset.kind === 'loading') return <p class="dataset-line muted">Reading the dataset…</p>;
  if (dataset.kind === 'none') return <p class="dataset-line muted">No dataset is installed yet.</p>;
  const { facts } = dataset;
  const stale = staleLine(facts);
  return (
    <div class="dataset-lines">
      <p class="dataset-line" title={datasetLine(facts)}>
        Dataset <strong>{facts.id}</strong> version <strong>{facts.version}</strong> · updated{' '}
        <time dateTime={facts.installedAt}>{formatDay(facts.installedAt)}</time>
      </p>
      {stale !== null && facts.staleSince !== null && (
        <p class="stale">
          Stale since <time dateTime={facts.staleSince}>{formatDay(facts.staleSince)}</time>
        </p>
      )}
    </div>
  );
}
