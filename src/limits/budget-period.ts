/** The calendar period (UTC) a budget counts in: its id (part of the counter's name) and when it ends. */
export function budgetPeriod(period: 'day' | 'month', nowMs: number): { id: string; endsAt: number } {
  const now = new Date(nowMs);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const mm = String(m + 1).padStart(2, '0');
  if (period === 'month') return { id: `${y}-${mm}`, endsAt: Date.UTC(y, m + 1, 1) };
  const d = now.getUTCDate();
  return { id: `${y}-${mm}-${String(d).padStart(2, '0')}`, endsAt: Date.UTC(y, m, d + 1) };
}
