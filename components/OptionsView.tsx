import { useState } from 'preact/hooks';
import type { DatasetStatus } from '../lib/store/generations';

/** What the options page knows about the active dataset. */
export type StatusState =
  { kind: 'loading' } | { kind: 'ready'; status: DatasetStatus | null } | { kind: 'error'; message: string };

export interface OptionsViewProps {
  state: StatusState;
  /** Runs an update check and resolves to one sentence for the status region. */
  onCheckForUpdates: () => Promise<string>;
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

/** The options page: the active dataset's status and the "Check for updates" button. */
export function OptionsView({ state, onCheckForUpdates }: OptionsViewProps) {
  const [checking, setChecking] = useState(false);
  const [updateNote, setUpdateNote] = useState<string | null>(null);

  const check = async () => {
    setChecking(true);
    setUpdateNote(null);
    try {
      setUpdateNote(await onCheckForUpdates());
    } catch (error) {
      setUpdateNote(`The update check failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setChecking(false);
    }
  };

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
          {updateNote !== null && <p class="update-note">{updateNote}</p>}
        </div>
        <div class="actions">
          <button type="button" onClick={check} disabled={checking} aria-busy={checking}>
            Check for updates
          </button>
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
    </>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
