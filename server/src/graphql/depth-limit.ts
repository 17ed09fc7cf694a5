import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * The standard introspection query (graphql-js getIntrospectionQuery, which GraphiQL,
 * Postman and code generators send) nests TypeRef's ofType eleven levels under
 * __schema.types.fields.type: 14 levels of fields with selections. Introspection reads the schema in memory,
 * so it gets this bound instead of the data limit.
 */
export const INTROSPECTION_DEPTH = 14;

/**
 * Refuse documents nested deeper than `max` levels of fields that select fields (leaves
 * do not count), before any resolver runs. Each
 * fragment's depth is computed once, so the time is linear in the document's size
 * however many times fragments spread into each other.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepth = new Map<string, number>();

    function depthOfFragment(name: string): number {
      const known = fragmentDepth.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Unknown and cyclic fragments are other rules' errors: count them as flat.
      fragmentDepth.set(name, 0);
      const depth = fragment ? depthOfSelections(fragment.selectionSet) : 0;
      fragmentDepth.set(name, depth);
      return depth;
    }

    function depthOfSelections(selectionSet: SelectionSetNode): number {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        const depth =
          selection.kind === Kind.FIELD
            ? selection.selectionSet
              ? 1 + depthOfSelections(selection.selectionSet)
              : 0
            : selection.kind === Kind.INLINE_FRAGMENT
              ? depthOfSelections(selection.selectionSet)
              : depthOfFragment(selection.name.value);
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    }

    return {
      OperationDefinition(operation) {
        for (const selection of operation.selectionSet.selections) {
          const introspection = selection.kind === Kind.FIELD && selection.name.value.startsWith('__');
          const limit = introspection ? INTROSPECTION_DEPTH : max;
          const depth = depthOfSelections({ kind: Kind.SELECTION_SET, selections: [selection] });
          if (depth > limit) {
            context.reportError(new GraphQLError(`The query is ${depth} levels deep; at most ${limit} are allowed`));
            return;
          }
        }
      },
    };
  };
}
