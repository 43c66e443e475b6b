/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units), no whitespace, one
 * trailing newline. The same data always gives the same bytes, whatever the order it was read in.
 */

/**
 * Serialises `value` canonically. Object fields that are `undefined` are left out, like
 * `JSON.stringify`; non-finite numbers, `undefined` array items, functions, symbols and bigints
 * throw, because they have no JSON form that round-trips.
 */
export function canonicalJson(value: unknown): string {
  return `${serialize(value, '$')}\n`;
}

function serialize(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item, i) => {
        if (item === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
        return serialize(item, `${path}[${i}]`);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${serialize(field, `${path}.${key}`)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path} has no JSON form (${typeof value})`);
}
