import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type StatusState } from '../../components/OptionsView';
import { buildSettings } from '../../lib/store/config';
import type { DatasetStatus } from '../../lib/store/generations';
import type { GetStatusRequest } from '../../lib/store/messages';
import './style.css';

const found = document.getElementById('root');
if (!found) throw new Error('options page: #root is missing');
const root: HTMLElement = found;

// The update client lands later; until then say plainly what this build can do.
async function checkForUpdates(): Promise<string> {
  return buildSettings.updateUrl === ''
    ? 'No update channel is configured in this build.'
    : 'This build cannot check for updates yet.';
}

function show(state: StatusState): void {
  render(<OptionsView state={state} onCheckForUpdates={checkForUpdates} />, root);
}

show({ kind: 'loading' });
const request: GetStatusRequest = { type: 'getStatus' };
browser.runtime
  .sendMessage(request)
  .then((status) => show({ kind: 'ready', status: (status ?? null) as DatasetStatus | null }))
  .catch((error: unknown) =>
    show({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
