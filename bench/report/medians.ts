import { median } from '../lib/stats';

/**
 * The element-wise median of structurally equal results (numbers take the median, objects recurse, anything
 * else is taken from the first run; a member missing from a run is skipped for that run).
 */
export function medianOf<T>(items: readonly T[]): T {
  const first = items[0] as unknown;
  if (typeof first === 'number') return median(items as readonly number[]) as T;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return items[0];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    const values = items.map((i) => (i as Record<string, unknown>)[key]).filter((v) => v !== undefined);
    out[key] = medianOf(values);
  }
  return out as T;
}
