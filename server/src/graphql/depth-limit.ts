import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Refuse documents nested deeper than `max` fields, before any resolver runs. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = Object.fromEntries(context.getDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(node.name.value)) return depth;
        return depthOf(fragments[node.name.value], depth, new Set([...seen, node.name.value]));
      }
      if (!('selectionSet' in node) || !node.selectionSet) return depth;
      const next = node.kind === Kind.FIELD ? depth + 1 : depth;
      return Math.max(next, ...node.selectionSet.selections.map((s) => depthOf(s, next, seen)));
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation, 0, new Set());
        if (depth > max) context.reportError(new GraphQLError(`The query is ${depth} levels deep; at most ${max} are allowed`));
      },
    };
  };
}
