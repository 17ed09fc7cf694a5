import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The fields the field being resolved selects on its value, directly or through fragments. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/** Whether the field being resolved selects `field` on its value, directly or through fragments. */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  return selectedFields(info).has(field);
}

/**
 * The columns a selection of rows reads, as a Prisma `select`: each selected field named like a
 * column, the columns `computed` lists for the fields resolved from others, and the `keys` that
 * loaders and child fields go by. A wide row read whole costs more than the answer: a city's 35,000
 * grids. Worked out once per field of a parsed query (siblings in a list share their field nodes).
 */
export function columnsAsked<C extends string>(
  columns: Record<string, C>,
  computed: Partial<Record<string, readonly C[]>>,
  keys: readonly C[],
): (info: GraphQLResolveInfo) => Record<C, true> {
  const known = new WeakMap<GraphQLResolveInfo['fieldNodes'], Record<C, true>>();
  return (info) => {
    let select = known.get(info.fieldNodes);
    if (!select) {
      const asked = new Set<C>(keys);
      for (const field of selectedFields(info)) {
        if (Object.hasOwn(columns, field)) asked.add(columns[field]);
        for (const column of computed[field] ?? []) asked.add(column);
      }
      select = Object.fromEntries([...asked].sort().map((column) => [column, true])) as Record<C, true>;
      known.set(info.fieldNodes, select);
    }
    return select;
  };
}
