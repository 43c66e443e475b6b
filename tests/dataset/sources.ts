/** Small valid dataset sources for the dataset tests; each test breaks one thing. */
import type { SourceFile } from '../../lib/dataset/yaml-source';

export const META = `id: t
title: Test dataset
version: 1
license: CC0-1.0
homepage: https://example.org/
issues: https://example.org/issues
languages: [en]
`;

export const QUANTITIES = `- id: q-one
  label: Things sent
  unit: things
  cues:
    unit: [things]
    event: [sent]
- id: q-two
  label: Things lost
  unit: things
`;

export const ENTITIES = `- id: paper
  kind: outlet
  name: The Paper
  aliases: [Paper]
  description: A test outlet.
- id: ministry
  kind: agency
  name: Ministry of Things
  aliases:
    - MoT
  description: A test agency.
`;

export const REPORTS = `quantity: q-one
reports:
  - id: r-one
    value: { exact: 10 }
    asOf: 2024-01
    published: 2024-01-02
    outlet: paper
    attribution: unattributed
    url: https://example.org/a
    summary: Ten things were sent.
`;

/** The valid base sources, with `overrides` replacing or adding files by path (relative to `dataset/`). */
export function sources(overrides: Record<string, string> = {}): SourceFile[] {
  const files: Record<string, string> = {
    'dataset.yaml': META,
    'quantities.yaml': QUANTITIES,
    'entities/base.yaml': ENTITIES,
    'reports/q-one.yaml': REPORTS,
    ...overrides,
  };
  return Object.entries(files).map(([path, text]) => ({ path: `dataset/${path}`, text }));
}

/** A report file for `q-one` holding one report whose lines (after `- id: x`) are `lines`, indented. */
export function reportFile(...reports: string[][]): string {
  return `quantity: q-one\nreports:\n${reports.map((lines) => lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}`).join('\n')).join('\n')}\n`;
}

/** The lines of a valid report with id `id`, with `changes` replacing fields by key (null removes). */
export function reportLines(id: string, changes: Record<string, string | null> = {}): string[] {
  const fields: Record<string, string | null> = {
    id,
    value: '{ exact: 20 }',
    asOf: '2024-02',
    published: '2024-02-03',
    outlet: 'paper',
    attribution: 'unattributed',
    url: 'https://example.org/b',
    summary: 'Twenty things were sent.',
    ...changes,
  };
  return Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
}
