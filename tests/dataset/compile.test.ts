import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/dataset/canonical-json';
import { checkAndCompile } from '../../lib/dataset/compile';
import { formatProblem } from '../../lib/dataset/problems';
import type { SourceFile } from '../../lib/dataset/yaml-source';
import { ENTITIES, QUANTITIES, reportFile, reportLines, sources } from './sources';

const TODAY = '2025-06-01';

/** The problems for the base sources with `overrides`, formatted as the CLI prints them. */
function problemsOf(overrides: Record<string, string>): string[] {
  return checkAndCompile(sources(overrides), { today: TODAY }).problems.map(formatProblem);
}

/** A second report file with one report whose fields are changed. */
function withReport(changes: Record<string, string | null>): string[] {
  return problemsOf({ 'reports/x.yaml': reportFile(reportLines('r-two', changes)) });
}

describe('checkAndCompile: valid sources', () => {
  it('compiles the base sources without problems', () => {
    const result = checkAndCompile(sources(), { today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.dataset?.reports.map((r) => r.id)).toEqual(['r-one']);
  });

  it('expands short forms, omits empty optional fields and sorts by id', () => {
    const { dataset, problems } = checkAndCompile(
      sources({
        'entities/more.yaml': `- id: a-person
  kind: person
  name: Ann Example
  aliases: [Ann, { text: AE, caseSensitive: true }, { text: Annie, caseSensitive: false }]
  description: A person.
  roles: []
  links: []
  stateMedia: false
`,
        'reports/x.yaml': reportFile(
          reportLines('a-report', { value: '{ low: 5, qualifier: at-least }', published: '2024' }),
          reportLines('b-report', { value: '{ exact: 7, qualifier: about }', subjects: '[a-person]' }),
        ),
      }),
      { today: TODAY },
    );
    expect(problems).toEqual([]);
    expect(dataset?.entities.map((e) => e.id)).toEqual(['a-person', 'ministry', 'paper']);
    expect(dataset?.entities[0]).toEqual({
      id: 'a-person',
      kind: 'person',
      name: 'Ann Example',
      aliases: [{ text: 'Ann' }, { text: 'AE', caseSensitive: true }, { text: 'Annie' }],
      description: 'A person.',
    });
    expect(dataset?.quantities[1]?.cues).toEqual({ subject: [], unit: [], event: [], exclude: [] });
    expect(dataset?.reports.map((r) => r.id)).toEqual(['a-report', 'b-report', 'r-one']);
    expect(dataset?.reports[0]).toMatchObject({
      quantity: 'q-one',
      value: { low: 5, high: null, qualifier: 'at-least' },
      published: '2024',
      subjects: [],
    });
    expect(dataset?.reports[1]?.value).toEqual({ low: 7, high: 7, qualifier: 'about' });
    expect(dataset?.reports[2]?.value).toEqual({ low: 10, high: 10, qualifier: 'exact' });
  });

  it('gives byte-identical canonical JSON whatever the file order', () => {
    const files = sources({
      'entities/more.yaml': ENTITIES.replace(/paper/g, 'journal')
        .replace(/Paper/g, 'Journal')
        .replace(/ministry/g, 'office')
        .replace(/Ministry of Things|MoT/g, (m) => (m === 'MoT' ? 'OoT' : 'Office of Things')),
      'reports/x.yaml': reportFile(
        reportLines('r-zero'),
        reportLines('r-three', { published: '2024-03-01' }),
      ),
    });
    const reference = checkAndCompile(files, { today: TODAY });
    expect(reference.problems).toEqual([]);
    const expected = canonicalJson(reference.dataset);
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round++) {
      const shuffled: SourceFile[] = [...files];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(canonicalJson(checkAndCompile(shuffled, { today: TODAY }).dataset)).toBe(expected);
    }
  });
});

describe('checkAndCompile: YAML and files', () => {
  it('reports a YAML syntax error at its line', () => {
    expect(
      problemsOf({ 'reports/q-one.yaml': 'quantity: q-one\nreports:\n  - id: a\n    bad: [\n' }),
    ).toEqual([
      'dataset/reports/q-one.yaml:5: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports a duplicate key', () => {
    expect(problemsOf({ 'reports/q-one.yaml': 'quantity: q-one\nquantity: q-two\nreports: []\n' })).toEqual([
      'dataset/reports/q-one.yaml:2: Map keys must be unique',
    ]);
  });

  it('reports a file in an unexpected place and a missing dataset.yaml', () => {
    const files = sources({ 'people.yaml': '[]' }).filter((f) => f.path !== 'dataset/dataset.yaml');
    expect(checkAndCompile(files, { today: TODAY }).problems.map(formatProblem)).toEqual([
      'dataset/dataset.yaml:1: is missing (the dataset metadata)',
      'dataset/people.yaml:1: is not a dataset source (expected dataset.yaml, quantities.yaml, entities/*.yaml or reports/*.yaml)',
    ]);
  });

  it('names the missing dataset.yaml after the directory of the other files', () => {
    const files = [{ path: 'quantities.yaml', text: QUANTITIES }];
    expect(checkAndCompile(files, { today: TODAY }).problems.map(formatProblem)).toEqual([
      'dataset.yaml:1: is missing (the dataset metadata)',
    ]);
    expect(checkAndCompile([], { today: TODAY }).problems.map(formatProblem)).toEqual([
      'dataset/dataset.yaml:1: is missing (the dataset metadata)',
    ]);
  });

  it('reports a file of the wrong shape without cascading unknown references', () => {
    expect(problemsOf({ 'entities/base.yaml': 'id: paper\n' })).toEqual([
      'dataset/entities/base.yaml:1: file must be a list (got a mapping)',
    ]);
  });

  it('does not report references to an item that failed the schema', () => {
    expect(problemsOf({ 'entities/base.yaml': ENTITIES.replace('kind: outlet', 'kind: newspaper') })).toEqual(
      [
        'dataset/entities/base.yaml:2: kind must be one of "person", "organization", "agency", "military-unit", "outlet", "weapon", "place", "other" (got "newspaper")',
      ],
    );
  });
});

describe('checkAndCompile: schema', () => {
  it('reports a missing field at the item, an unknown field at its key, a wrong type at the value', () => {
    expect(withReport({ summary: null, colour: 'red', outlet: '42' })).toEqual([
      'dataset/reports/x.yaml:3: summary is required',
      'dataset/reports/x.yaml:7: outlet must be text (got 42)',
      'dataset/reports/x.yaml:10: colour is not a known field',
    ]);
  });

  it('refuses ids that are not kebab-case', () => {
    expect(withReport({ id: 'Report_2' })).toEqual([
      'dataset/reports/x.yaml:3: id "Report_2" is not kebab-case (lower-case letters, digits, single hyphens)',
    ]);
  });

  it('refuses dates that are not real calendar dates, at each precision', () => {
    expect(withReport({ asOf: '2024-02-30', published: '2023-02-29' })).toEqual([
      'dataset/reports/x.yaml:5: asOf "2024-02-30" is not a real calendar date',
      'dataset/reports/x.yaml:6: published "2023-02-29" is not a real calendar date',
    ]);
    expect(withReport({ asOf: '2024-13', published: '24-01-01' })).toEqual([
      'dataset/reports/x.yaml:5: asOf "2024-13" is not a real calendar date',
      'dataset/reports/x.yaml:6: published "24-01-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
    expect(withReport({ asOf: '2024-02-29', published: '2024' })).toEqual([]);
  });

  it('refuses URLs that are not https', () => {
    expect(withReport({ url: 'http://example.org/a' })).toEqual([
      'dataset/reports/x.yaml:9: url "http://example.org/a" must be an https:// URL',
    ]);
    expect(
      problemsOf({
        'entities/x.yaml':
          '- id: x\n  kind: other\n  name: X\n  description: Y.\n  links:\n    - https://ok.example\n    - javascript:alert(1)\n',
      }),
    ).toEqual(['dataset/entities/x.yaml:7: links[1] "javascript:alert(1)" must be an https:// URL']);
    expect(
      problemsOf({
        'dataset.yaml':
          'id: t\ntitle: T\nversion: 1\nlicense: L\nhomepage: http://a.example\nissues: https://\nlanguages: [en]\n',
      }),
    ).toEqual([
      'dataset/dataset.yaml:5: homepage "http://a.example" must be an https:// URL',
      'dataset/dataset.yaml:6: issues "https://" is not a valid https URL',
    ]);
  });

  it('refuses regular-expression characters in quantity cues', () => {
    const text = QUANTITIES.replace(
      'unit: [things]',
      'unit: [things, "troops?", "(soldiers|troops)", plain words]',
    );
    expect(problemsOf({ 'quantities.yaml': text })).toEqual([
      'dataset/quantities.yaml:5: cues.unit[1] "troops?" must be plain words, not a regular expression (found "?")',
      'dataset/quantities.yaml:5: cues.unit[2] "(soldiers|troops)" must be plain words, not a regular expression (found "(")',
    ]);
    for (const ch of ['\\\\', '^', '$', '*', '+', '[', ']', '{', '}', '|', ')']) {
      const problems = problemsOf({
        'quantities.yaml': QUANTITIES.replace('event: [sent]', `event: ["se${ch}nt"]`),
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^dataset\/quantities\.yaml:6: cues\.event\[0\] .* must be plain words/);
    }
  });

  it('refuses summaries and descriptions that are empty or span lines', () => {
    expect(withReport({ summary: '"Two\\nlines."' })).toEqual([
      'dataset/reports/x.yaml:10: summary must be one line',
    ]);
    expect(withReport({ summary: '""' })).toEqual(['dataset/reports/x.yaml:10: summary must not be empty']);
    expect(withReport({ summary: '"   "' })).toEqual([
      'dataset/reports/x.yaml:10: summary must not be blank',
    ]);
    expect(
      problemsOf({
        'entities/base.yaml': ENTITIES.replace(
          'description: A test agency.',
          'description: |\n    Two\n    lines.',
        ),
      }),
    ).toEqual(['dataset/entities/base.yaml:11: description must be one line']);
    expect(withReport({ notes: '|\n      Notes may\n      span lines.' })).toEqual([]);
  });

  it('refuses control and bidi characters in every string', () => {
    const cases: [string, string][] = [
      ['\\u202E', 'U+202E'],
      ['\\u2066', 'U+2066'],
      ['\\u200F', 'U+200F'],
      ['\\u061C', 'U+061C'],
      ['\\a', 'U+0007'],
      ['\\t', 'U+0009'],
      ['\\x85', 'U+0085'],
    ];
    for (const [escape, shown] of cases) {
      expect(withReport({ chain: `"a${escape}b"` })).toEqual([
        `dataset/reports/x.yaml:11: chain contains a control or bidi character (${shown})`,
      ]);
    }
    expect(withReport({ notes: '"line\\u202Dtwo"' })).toEqual([
      'dataset/reports/x.yaml:11: notes contains a control or bidi character (U+202D)',
    ]);
    expect(problemsOf({ 'entities/base.yaml': ENTITIES.replace('- MoT', '- "M\\u202EoT"') })).toEqual([
      'dataset/entities/base.yaml:10: aliases[0] contains a control or bidi character (U+202E)',
    ]);
    expect(
      problemsOf({
        'dataset.yaml':
          'id: t\ntitle: "T\\u2069"\nversion: 1\nlicense: L\nhomepage: https://a.example\nissues: https://a.example/i\nlanguages: [en]\n',
      }),
    ).toEqual(['dataset/dataset.yaml:2: title contains a control or bidi character (U+2069)']);
  });
});

describe('checkAndCompile: values', () => {
  it('points at the low: line when low is greater than high', () => {
    expect(withReport({ value: '\n      low: 5000\n      high: 3000\n      qualifier: range' })).toEqual([
      'dataset/reports/x.yaml:5: value.low 5000 is greater than value.high 3000',
    ]);
  });

  it('checks that each qualifier has the bounds it needs', () => {
    expect(withReport({ value: '{ low: 10, qualifier: range }' })).toEqual([
      'dataset/reports/x.yaml:4: value with qualifier "range" needs both low and high',
    ]);
    expect(withReport({ value: '{ high: 10, qualifier: more-than }' })).toEqual([
      'dataset/reports/x.yaml:4: value with qualifier "more-than" needs low',
    ]);
    expect(withReport({ value: '{ low: 10, qualifier: up-to }' })).toEqual([
      'dataset/reports/x.yaml:4: value with qualifier "up-to" needs high',
    ]);
    expect(withReport({ value: '{ low: 10, high: 12, qualifier: exact }' })).toEqual([
      'dataset/reports/x.yaml:4: value with qualifier "exact" needs low equal to high',
    ]);
  });

  it('checks the short forms of a value', () => {
    expect(withReport({ value: '{ exact: 10, low: 5, qualifier: about }' })).toEqual([
      'dataset/reports/x.yaml:4: value must use either exact or low/high, not both',
    ]);
    expect(withReport({ value: '{ exact: 10, qualifier: range }' })).toEqual([
      'dataset/reports/x.yaml:4: value.qualifier "range" does not go with value.exact (use exact or about, or give low/high)',
    ]);
    expect(withReport({ value: '{ qualifier: about }' })).toEqual([
      'dataset/reports/x.yaml:4: value needs exact, or low and/or high',
    ]);
    expect(withReport({ value: '{ low: 1, high: 2 }' })).toEqual([
      'dataset/reports/x.yaml:4: value.qualifier is required with low/high',
    ]);
    expect(withReport({ value: '{ exact: -3 }' })).toEqual([
      'dataset/reports/x.yaml:4: value.exact must not be negative',
    ]);
  });
});

describe('checkAndCompile: across items', () => {
  it('reports duplicate ids per kind, with where the first one is', () => {
    expect(
      problemsOf({
        'entities/x.yaml': '- id: paper\n  kind: outlet\n  name: Other Paper\n  description: Another.\n',
      }),
    ).toEqual([
      'dataset/entities/x.yaml:1: duplicate entity id "paper" (first defined at dataset/entities/base.yaml:1)',
    ]);
    expect(
      problemsOf({ 'quantities.yaml': `${QUANTITIES}- id: q-one\n  label: Again\n  unit: things\n` }),
    ).toEqual([
      'dataset/quantities.yaml:10: duplicate quantity id "q-one" (first defined at dataset/quantities.yaml:1)',
    ]);
  });

  it('reports a duplicate report id across files', () => {
    expect(
      problemsOf({
        'reports/x.yaml': reportFile(reportLines('r-one')).replace('quantity: q-one', 'quantity: q-two'),
      }),
    ).toEqual([
      'dataset/reports/x.yaml:3: duplicate report id "r-one" (first defined at dataset/reports/q-one.yaml:3)',
    ]);
  });

  it('reports every reference that does not resolve', () => {
    expect(withReport({ outlet: 'gazette', source: 'nobody', subjects: '[ministry, ghost]' })).toEqual([
      'dataset/reports/x.yaml:7: outlet "gazette" is not an entity in the dataset',
      'dataset/reports/x.yaml:11: source "nobody" is not an entity in the dataset',
      'dataset/reports/x.yaml:12: subjects[1] "ghost" is not an entity in the dataset',
    ]);
    expect(
      problemsOf({
        'reports/x.yaml': reportFile(reportLines('r-two')).replace('quantity: q-one', 'quantity: q-nine'),
      }),
    ).toEqual(['dataset/reports/x.yaml:1: quantity "q-nine" is not a quantity in the dataset']);
    expect(
      problemsOf({
        'entities/x.yaml':
          '- id: x\n  kind: person\n  name: X\n  description: Y.\n  roles:\n    - title: Chief\n      org: nowhere\n',
      }),
    ).toEqual(['dataset/entities/x.yaml:7: roles[0].org "nowhere" is not an entity in the dataset']);
  });

  it('reports a role that ends before it starts', () => {
    expect(
      problemsOf({
        'entities/x.yaml':
          '- id: x\n  kind: person\n  name: X\n  description: Y.\n  roles:\n    - { title: Chief, from: 2024-05, to: 2023 }\n    - { title: Deputy, from: 2024-05, to: 2024 }\n',
      }),
    ).toEqual(['dataset/entities/x.yaml:6: roles[0].from 2024-05 is after roles[0].to 2023']);
  });

  it('reports the same alias on two entities after normalising case, spaces, hyphens and apostrophes', () => {
    const more = `- id: other
  kind: person
  name: mot
  description: Other.
  aliases:
    - "Kim  Jong-un"
    - O'Brien
- id: third
  kind: person
  name: Kim Jong Un
  aliases: ["O’BRIEN"]
  description: Third.
`;
    expect(problemsOf({ 'entities/x.yaml': more })).toEqual([
      'dataset/entities/x.yaml:3: name "mot" is also a name or alias of entity "ministry" (dataset/entities/base.yaml:10)',
      'dataset/entities/x.yaml:10: name "Kim Jong Un" is also a name or alias of entity "other" (dataset/entities/x.yaml:6)',
      `dataset/entities/x.yaml:11: aliases[0] "O’BRIEN" is also a name or alias of entity "other" (dataset/entities/x.yaml:7)`,
    ]);
  });

  it('reports duplicate reports (same quantity, outlet, published date and value)', () => {
    expect(
      problemsOf({
        'reports/x.yaml': reportFile(
          reportLines('r-two', { value: '{ exact: 10 }', published: '2024-01-02', asOf: '2023' }),
        ),
      }),
    ).toEqual([
      'dataset/reports/x.yaml:3: report "r-two" duplicates report "r-one" (same quantity, outlet, published date and value; dataset/reports/q-one.yaml:3)',
    ]);
  });

  it('refuses report dates in the future', () => {
    expect(withReport({ asOf: '2025-07', published: '2026' })).toEqual([
      'dataset/reports/x.yaml:5: asOf 2025-07 is in the future',
      'dataset/reports/x.yaml:6: published 2026 is in the future',
    ]);
    expect(withReport({ asOf: '2025-06', published: '2025-06-01' })).toEqual([]);
  });
});
