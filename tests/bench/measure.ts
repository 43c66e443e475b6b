/** Timing and heap helpers for the benchmarks. */
import { performance } from 'node:perf_hooks';

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` `warmups` times (the first of them timed as the cold run), then `runs` times; returns
 * the median wall time of the measured runs in ms, the cold time and the last result.
 */
export function timeMedian<T>(
  runs: number,
  fn: () => T,
  warmups = 1,
): { ms: number; coldMs: number; result: T } {
  const t = performance.now();
  let result = fn();
  const coldMs = performance.now() - t;
  for (let i = 1; i < warmups; i++) result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), coldMs, result };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** True when the process runs with `--expose-gc` (heap figures are then trustworthy). */
export const hasGc = typeof gc === 'function';

function settledBytes(): number {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  // Typed arrays live outside the JS heap: count their backing stores too.
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes still held (JS heap + array buffers) by what `build` returns, measured after a full GC. */
export function retainedBytes<T>(build: () => T): { bytes: number; value: T } {
  const before = settledBytes();
  const value = build();
  const after = settledBytes();
  return { bytes: Math.max(0, after - before), value };
}
