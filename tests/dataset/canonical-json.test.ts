import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/dataset/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively, drops undefined fields, no whitespace, trailing newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é"' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":"é\\"","z":null}]},"b":1}\n',
    );
  });

  it('gives the same bytes for the same data built in another order', () => {
    const one = { x: 1, y: { p: true, q: [1, 2] } };
    const two = { y: { q: [1, 2], p: true }, x: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('sorts by code units, not by locale', () => {
    expect(canonicalJson({ b: 0, B: 0, á: 0, a: 0 })).toBe('{"B":0,"a":0,"b":0,"á":0}\n');
  });

  it('refuses values without a JSON form', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('$.a is not a finite number');
    expect(() => canonicalJson([undefined])).toThrow('$[0] is undefined');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('no JSON form');
    expect(() => canonicalJson(1n)).toThrow('no JSON form');
  });

  it('round-trips through JSON.parse', () => {
    const value = { s: 'line\nbreak\u2028', n: -0.5, e: 1e21, list: [] };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
