/**
 * Parses one YAML source file while keeping the positions of its nodes, so that every problem can
 * point at the line of the offending node.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { JsonPath, Problem } from './problems';

/** A source file as read from disk: its path relative to the working directory and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A parsed YAML file. */
export interface YamlSource {
  file: string;
  /** The file's data as plain JS, or `undefined` when the file has syntax errors. */
  value: unknown;
  /** Syntax errors and warnings, each at its line. */
  problems: Problem[];
  /**
   * The 1-based line of the node at `path` in the file's data; when the path does not exist (a
   * missing field), the line of the deepest node that does. For a mapping key, the key's line.
   */
  lineOf(path: JsonPath): number;
}

/**
 * Parses `file` as a single YAML document (YAML 1.2 core schema: `2024-05-01` stays a string,
 * duplicate keys are errors). Never throws.
 */
export function parseYamlSource(file: SourceFile): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const problems: Problem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push({ file: file.path, line: lineAt(error.pos[0]), message: firstLine(error.message) });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ file: file.path, line: 1, message: firstLine(String((error as Error).message)) });
    }
  }
  return { file: file.path, value, problems, lineOf: (path) => lineOfPath(doc, path, lineAt) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

function lineOfPath(doc: Document, path: JsonPath, lineAt: (offset: number) => number): number {
  let node: unknown = doc.contents;
  let line = nodeLine(node, lineAt) ?? 1;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      line = nodeLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      line = nodeLine(item, lineAt) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function nodeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineAt(range[0]) : undefined;
}
