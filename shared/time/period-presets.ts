/** Period presets a leader picks from; they travel in the URL as ?period=. */
export const PERIODS = ['quarter', 'year', 'twoYears'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

/** The preset as a from/to pair ending now (this quarter starts on the first day of its first month, UTC). */
export function periodRange(preset: PeriodPreset, now = new Date()): { from: string; to: string } {
  const to = now.toISOString();
  if (preset === 'quarter') {
    const from = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
    return { from: from.toISOString(), to };
  }
  const months = preset === 'year' ? 12 : 24;
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  return { from: from.toISOString(), to };
}
