// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { countsLine, OptionsView, type StatusState } from '../../components/OptionsView';
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
  onCheckForUpdates = async () => 'No update channel is configured in this build.',
): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  act(() => render(<OptionsView state={state} onCheckForUpdates={onCheckForUpdates} />, element));
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
        <OptionsView state={{ kind: 'error', message: 'boom' }} onCheckForUpdates={async () => ''} />,
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
});
