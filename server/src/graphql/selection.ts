import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Whether the field being resolved selects `field` on its value, directly or through fragments. */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    Boolean(
      set?.selections.some((selection) => {
        if (selection.kind === 'Field') return selection.name.value === field;
        if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
        return within(info.fragments[selection.name.value]?.selectionSet);
      }),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
