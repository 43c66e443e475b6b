import { useState } from 'preact/hooks';
import type { DatasetStatus } from '../lib/store/generations';

/** What the options page knows about updates (already in words where the background decided). */
export interface UpdateSummary {
  /** The update channel's host; empty when the build has no channel. */
  channelHost: string;
  /** When the channel was last asked (ISO) and one sentence on how that ended; null before the first check. */
  lastCheck: { at: string; summary: string } | null;
  /** ISO timestamp since which the active dataset's release has expired, or null. */
  staleSince: string | null;
}

/** What the options page knows about the active dataset. */
export type StatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: DatasetStatus | null; updates?: UpdateSummary }
  | { kind: 'error'; message: string };

/** The answer to a button press, for the status region. */
export interface ActionNote {
  /** One plain sentence, e.g. "Installed version 2 (was version 1)." */
  text: string;
  /** The technical reason behind a refusal or failure, if any. */
  detail?: string | null;
}

export interface OptionsViewProps {
  state: StatusState;
  /** Runs an update check and resolves to what the status region should say. */
  onCheckForUpdates: () => Promise<ActionNote>;
  /** Rolls back to the previous version; the button shows only when one is kept. */
  onRollback?: () => Promise<ActionNote>;
}

/** "1 entity" / "3 entities". */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "40 entities, 5 quantities, 30 reports". */
export function countsLine(counts: DatasetStatus['counts']): string {
  return [
    countLabel(counts.entities, 'entity', 'entities'),
    countLabel(counts.quantities, 'quantity', 'quantities'),
    countLabel(counts.reports, 'report', 'reports'),
  ].join(', ');
}

const SOURCE_LABEL: Record<DatasetStatus['source'], string> = {
  bundled: 'the copy bundled with the extension',
  update: 'a signed update',
};

/**
 * The options page: the active dataset's status, the update channel and last check, the "Check
 * for updates" button and, when a previous version is kept, "Roll back to version N". Answers to
 * either button land in the `role="status"` region.
 */
export function OptionsView({ state, onCheckForUpdates, onRollback }: OptionsViewProps) {
  const [busy, setBusy] = useState<'check' | 'rollback' | null>(null);
  const [note, setNote] = useState<ActionNote | null>(null);

  const run = async (which: 'check' | 'rollback', action: () => Promise<ActionNote>, failure: string) => {
    setBusy(which);
    setNote(null);
    try {
      setNote(await action());
    } catch (error) {
      setNote({ text: `${failure}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const previous = state.kind === 'ready' ? state.status?.previous : undefined;
  const updates = state.kind === 'ready' ? state.updates : undefined;

  return (
    <main class="page">
      <header class="page-header">
        <h1>Crosscheck</h1>
        <p class="lede">The dataset this extension compares news articles against.</p>
      </header>
      <section class="panel" aria-labelledby="dataset-heading">
        <h2 id="dataset-heading">Dataset</h2>
        <div class="status" role="status" aria-live="polite">
          <StatusLines state={state} />
          {note !== null && (
            <p class="update-note">
              {note.text}
              {note.detail && <span class="update-detail">{note.detail}</span>}
            </p>
          )}
        </div>
        {updates && <UpdateLines updates={updates} />}
        <div class="actions">
          <button
            type="button"
            onClick={() => run('check', onCheckForUpdates, 'The update check failed')}
            disabled={busy !== null}
            aria-busy={busy === 'check'}
          >
            Check for updates
          </button>
          {previous && onRollback && (
            <button
              type="button"
              class="secondary"
              onClick={() => run('rollback', onRollback, 'The rollback failed')}
              disabled={busy !== null}
              aria-busy={busy === 'rollback'}
            >
              Roll back to version {previous.version}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}

function StatusLines({ state }: { state: StatusState }) {
  if (state.kind === 'loading') return <p class="muted">Reading the dataset status…</p>;
  if (state.kind === 'error') return <p class="error">Could not read the dataset status: {state.message}</p>;
  const { status } = state;
  if (status === null) return <p class="muted">No dataset is installed yet.</p>;
  const stale = state.updates?.staleSince ?? null;
  return (
    <>
      <p class="status-title">
        Dataset <strong>{status.id}</strong> version <strong>{status.version}</strong>
      </p>
      <p>{countsLine(status.counts)}</p>
      <p class="muted">
        Installed <time dateTime={status.installedAt}>{formatDate(status.installedAt)}</time> from{' '}
        {SOURCE_LABEL[status.source]}.
        {status.previous && ` Version ${status.previous.version} is kept for rollback.`}
      </p>
      {stale !== null && (
        <p class="stale">
          Stale since <time dateTime={stale}>{formatDate(stale)}</time>: the release it came from has expired.
          It keeps working until a newer release is installed.
        </p>
      )}
    </>
  );
}

function UpdateLines({ updates }: { updates: UpdateSummary }) {
  if (updates.channelHost === '') {
    return <p class="channel muted">No update channel is configured in this build.</p>;
  }
  return (
    <dl class="channel">
      <dt>Update channel</dt>
      <dd>{updates.channelHost}</dd>
      <dt>Last checked</dt>
      <dd>
        {updates.lastCheck === null ? (
          'Not yet'
        ) : (
          <>
            <time dateTime={updates.lastCheck.at}>{formatDate(updates.lastCheck.at)}</time>:{' '}
            {updates.lastCheck.summary}
          </>
        )}
      </dd>
    </dl>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
