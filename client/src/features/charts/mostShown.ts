/**
 * The most places a chart of places draws. A city's 3,500 communities would be 7,000 bars
 * nobody can read, and drawing them kept the browser busy for ten seconds or more, the
 * overview's map waiting behind them.
 */
export const MOST_PLACES = 20;

/** All `rows` as they came when they fit, else the `most` with the largest `value`, largest first. */
export function largestFirst<T>(rows: readonly T[], value: (row: T) => number, most = MOST_PLACES): readonly T[] {
  return rows.length <= most ? rows : [...rows].sort((a, b) => value(b) - value(a)).slice(0, most);
}

/** A ranking's best and worst, `most` in all, and how many between them are left out; all of it when it fits. */
export function bestAndWorst<T>(ranked: readonly T[], most = MOST_PLACES) {
  if (ranked.length <= most) return { best: ranked, worst: [] as readonly T[], between: 0 };
  const each = Math.floor(most / 2);
  return { best: ranked.slice(0, each), worst: ranked.slice(-each), between: ranked.length - 2 * each };
}
