import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsView, type ActionNote, type StatusState } from '../../components/OptionsView';
import type { CheckForUpdatesReply, RollbackReply, UpdateRequest } from '../../lib/update/messages';
import { describeDetail, describeOutcome, describeRollback } from '../../lib/update/outcome';
import type { UpdateInfo } from '../../lib/update/update-service';
import './style.css';

const found = document.getElementById('root');
if (!found) throw new Error('options page: #root is missing');
const root: HTMLElement = found;

/** Sends an update request to the background; rejects when it has no answer. */
async function send<T>(request: UpdateRequest): Promise<T> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (reply === undefined || reply === null) throw new Error('the background did not answer');
  return reply as T;
}

function readyState(info: UpdateInfo): StatusState {
  return {
    kind: 'ready',
    status: info.status,
    updates: {
      channelHost: info.channelHost,
      lastCheck:
        info.lastCheck === null
          ? null
          : { at: info.lastCheck.checkedAt, summary: describeOutcome(info.lastCheck.outcome) },
      staleSince: info.staleSince,
    },
  };
}

async function checkForUpdates(): Promise<ActionNote> {
  const reply = await send<CheckForUpdatesReply>({ type: 'checkForUpdates' });
  show(readyState(reply.info));
  return { text: describeOutcome(reply.outcome), detail: describeDetail(reply.outcome) };
}

async function rollBack(): Promise<ActionNote> {
  const reply = await send<RollbackReply>({ type: 'rollback' });
  show(readyState(reply.info));
  return { text: describeRollback(reply.outcome) };
}

function show(state: StatusState): void {
  render(<OptionsView state={state} onCheckForUpdates={checkForUpdates} onRollback={rollBack} />, root);
}

show({ kind: 'loading' });
send<UpdateInfo>({ type: 'getUpdateInfo' })
  .then((info) => show(readyState(info)))
  .catch((error: unknown) =>
    show({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
