// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { countsLine, OptionsView, type ActionNote, type StatusState } from '../../components/OptionsView';
import type { DatasetStatus } from '../../lib/store/generations';

const STATUS: DatasetStatus = {
  id: 'nk-troops-russia',
  version: 3,
  generation: 2,
  counts: { entities: 41, quantities: 1, reports: 30 },
  installedAt: '2025-03-04T05:06:07.000Z',
  source: 'update',
  previous: { version: 2 },
};

let host: HTMLElement | undefined;
function mount(
  state: StatusState,
  onCheckForUpdates = async (): Promise<ActionNote> => ({
    text: 'No update channel is configured in this build.',
  }),
  onRollback?: () => Promise<ActionNote>,
): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  act(() =>
    render(
      <OptionsView state={state} onCheckForUpdates={onCheckForUpdates} onRollback={onRollback} />,
      element,
    ),
  );
  host = element;
  return element;
}
const statusText = () => (host?.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' ');

afterEach(() => {
  if (!host) return;
  render(null, host);
  host.remove();
  host = undefined;
});

describe('countsLine', () => {
  it('pluralises each count', () => {
    expect(countsLine({ entities: 1, quantities: 2, reports: 0 })).toBe('1 entity, 2 quantities, 0 reports');
  });
});

describe('OptionsView', () => {
  it('states the dataset id, version, counts, source and kept previous version', () => {
    const element = mount({ kind: 'ready', status: STATUS });
    const text = statusText();
    expect(text).toContain('Dataset nk-troops-russia version 3');
    expect(text).toContain('41 entities, 1 quantity, 30 reports');
    expect(text).toContain('from a signed update');
    expect(text).toContain('Version 2 is kept for rollback');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe(STATUS.installedAt);
  });

  it('says so when nothing is installed, and when the status cannot be read', () => {
    const element = mount({ kind: 'ready', status: null });
    expect(statusText()).toContain('No dataset is installed yet.');
    act(() =>
      render(
        <OptionsView
          state={{ kind: 'error', message: 'boom' }}
          onCheckForUpdates={async () => ({ text: '' })}
        />,
        element,
      ),
    );
    expect(statusText()).toContain('Could not read the dataset status: boom');
  });

  it('has a "Check for updates" button whose answer lands in the status region', async () => {
    const element = mount({ kind: 'ready', status: STATUS });
    const button = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Check for updates');
    expect(button).toBeDefined();
    await act(async () => {
      button!.click();
    });
    expect(statusText()).toContain('No update channel is configured in this build.');
    expect(button!.disabled).toBe(false);
  });

  it('reports a failed check in the status region', async () => {
    const element = mount({ kind: 'ready', status: STATUS }, async () => {
      throw new Error('offline');
    });
    await act(async () => {
      element.querySelector('button')?.click();
    });
    expect(statusText()).toContain('The update check failed: offline');
  });

  const buttonNamed = (element: HTMLElement, name: string) =>
    [...element.querySelectorAll('button')].find((b) => b.textContent === name);

  it('shows the technical detail of a refusal under its sentence', async () => {
    const element = mount({ kind: 'ready', status: STATUS }, async () => ({
      text: "Refused the update: the release's signature is not from a trusted key; keeping version 3.",
      detail: 'manifest.sig: signed by key 0123456789abcdef, which is not trusted',
    }));
    await act(async () => {
      buttonNamed(element, 'Check for updates')!.click();
    });
    expect(statusText()).toContain('not from a trusted key; keeping version 3.');
    expect(element.querySelector('.update-detail')?.textContent).toBe(
      'manifest.sig: signed by key 0123456789abcdef, which is not trusted',
    );
  });

  it('offers "Roll back to version N" when a previous version is kept, and reports the result', async () => {
    let rolledBack = 0;
    const element = mount(
      { kind: 'ready', status: STATUS },
      async () => ({ text: '' }),
      async () => {
        rolledBack++;
        return { text: 'Rolled back to version 2.' };
      },
    );
    const button = buttonNamed(element, 'Roll back to version 2');
    expect(button).toBeDefined();
    await act(async () => {
      button!.click();
    });
    expect(rolledBack).toBe(1);
    expect(statusText()).toContain('Rolled back to version 2.');
  });

  it('has no rollback button without a previous version', () => {
    const { previous: _previous, ...noPrevious } = STATUS;
    const element = mount({ kind: 'ready', status: noPrevious }, undefined, async () => ({ text: '' }));
    expect([...element.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Check for updates']);
  });

  it('shows the update channel, the last check and staleness', () => {
    const element = mount({
      kind: 'ready',
      status: { ...STATUS, expires: '2025-04-01T00:00:00.000Z' },
      updates: {
        channelHost: 'updates.example',
        lastCheck: {
          at: '2025-05-01T10:00:00.000Z',
          summary: 'Already up to date: version 3 is the newest release.',
        },
        staleSince: '2025-04-01T00:00:00.000Z',
      },
    });
    const channel = (element.querySelector('.channel')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(channel).toContain('Update channelupdates.example');
    expect(channel).toContain('Already up to date: version 3 is the newest release.');
    expect(element.querySelector('.channel time')?.getAttribute('datetime')).toBe('2025-05-01T10:00:00.000Z');
    expect(statusText()).toContain('Stale since');
    expect(element.querySelector('.stale time')?.getAttribute('datetime')).toBe('2025-04-01T00:00:00.000Z');
  });

  it('says when the build has no channel or was never checked', () => {
    const element = mount({
      kind: 'ready',
      status: STATUS,
      updates: { channelHost: '', lastCheck: null, staleSince: null },
    });
    expect(element.querySelector('.channel')?.textContent).toBe(
      'No update channel is configured in this build.',
    );
    expect(statusText()).not.toContain('Stale since');
    act(() =>
      render(
        <OptionsView
          state={{
            kind: 'ready',
            status: STATUS,
            updates: { channelHost: 'updates.example', lastCheck: null, staleSince: null },
          }}
          onCheckForUpdates={async () => ({ text: '' })}
        />,
        element,
      ),
    );
    expect(element.querySelector('.channel')?.textContent).toContain('Last checkedNot yet');
  });
});
