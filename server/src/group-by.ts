/** Rows grouped by key, in order (Node 20 has no Map.groupBy); `value` picks what is kept of each row. */
export function groupBy<T, K, V = T>(
  rows: Iterable<T>,
  key: (row: T) => K,
  value: (row: T) => V = (row) => row as unknown as V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}
