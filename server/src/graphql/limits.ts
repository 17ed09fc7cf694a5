import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { depthLimit } from './depth-limit';

/**
 * What one GraphQL operation may ask for, over HTTP and the WebSocket alike, checked
 * before anything runs.
 */
export interface OperationLimits {
  /** Levels of fields with selections (leaves do not count). */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens: a parser bound that stops a huge document before it is built. */
  tokens: number;
  /** Fields the answer may hold: each field counts 1, a list multiplies what is under it by its expected length. */
  cost: number;
  /** Bytes of one HTTP body or WebSocket message. */
  bytes: number;
  /** Values one `stats` answer may compute: the rows it could have times its measures, estimated before it runs. */
  values: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  depth: 8,
  aliases: 30,
  directives: 20,
  tokens: 4000,
  cost: 200_000,
  bytes: 100 * 1024,
  values: 100_000,
};

/** The length a list field is priced at when its `first` argument does not say. */
export const EXPECTED_LIST_LENGTH = 20;

interface Measure {
  aliases: number;
  directives: number;
  cost: number;
}

const add = (a: Measure, b: Measure, times = 1): Measure => ({
  aliases: a.aliases + b.aliases,
  directives: a.directives + b.directives,
  cost: a.cost + b.cost * times,
});
const NOTHING: Measure = { aliases: 0, directives: 0, cost: 0 };

/** The most rows one page may ask for (the `first` of `cases`, the largest page there is). */
export const MAX_PAGE_SIZE = 200;

/**
 * The rows a field's `first` (or `last`) asks for: its value when written in the query,
 * the largest page when it is a variable (the rule runs before variables are known), and
 * null when the field has none.
 */
function pageSize(field: FieldNode): number | null {
  const first = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!first) return null;
  return first.value.kind === Kind.INT ? Number(first.value.value) : MAX_PAGE_SIZE;
}

/**
 * Aliases, directives and cost of each operation against the limits. A list costs what
 * is under it times its `first`, or times the `first` of the connection it is in. A fragment is
 * measured once per type it is read as, however often it is spread, so the time is
 * linear in the document: fragments that spread each other twice over thirty levels are
 * priced, not walked 2^30 times. (graphql-armor's rules would do this too, but its
 * CommonJS build loads a second copy of graphql beside Apollo's ES module one, and the
 * two do not recognise each other's errors.)
 */
function operationBudget(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const measured = new Map<string, Measure>();

    function ofFragment(name: string): Measure {
      const known = measured.get(name);
      if (known) return known;
      measured.set(name, NOTHING); // a cycle is another rule's error
      const fragment = fragments.get(name);
      const type = fragment ? schema.getType(fragment.typeCondition.name.value) : null;
      const measure = fragment && isCompositeType(type) ? ofSelections(fragment.selectionSet, type) : NOTHING;
      measured.set(name, measure);
      return measure;
    }

    /**
     * `page` is the length of the lists below a connection (`cases(first: 200) { edges … }`):
     * the page its field asked for, which its edges and nodes lists have.
     */
    function ofSelections(
      selectionSet: SelectionSetNode,
      parent: GraphQLCompositeType | null,
      page: number | null = null,
    ): Measure {
      let total = NOTHING;
      for (const selection of selectionSet.selections) {
        total = add(total, { aliases: 0, directives: selection.directives?.length ?? 0, cost: 0 });
        if (selection.kind === Kind.FRAGMENT_SPREAD) total = add(total, ofFragment(selection.name.value));
        else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          total = add(total, ofSelections(selection.selectionSet, isCompositeType(type) ? type : null, page));
        } else {
          const definition =
            parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[selection.name.value]
              : undefined;
          const child = getNamedType(definition?.type);
          const isList = definition !== undefined && isListType(getNullableType(definition.type));
          // stats bounds its rows × measures itself, before it counts anything (GRAPHQL_MAX_VALUES).
          const asked = child?.name === 'StatsConnection' ? null : pageSize(selection);
          const under = selection.selectionSet
            ? ofSelections(selection.selectionSet, isCompositeType(child) ? child : null, isList ? null : asked)
            : NOTHING;
          const times = isList ? (asked ?? page ?? EXPECTED_LIST_LENGTH) : 1;
          total = add(add(total, { aliases: selection.alias ? 1 : 0, directives: 0, cost: 1 }), under, times);
        }
      }
      return total;
    }

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const introspection = operation.selectionSet.selections.every(
          (s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'),
        );
        const { aliases, directives, cost } = ofSelections(operation.selectionSet, root ?? null);
        const over = [
          aliases > limits.aliases && `uses ${aliases} aliases; at most ${limits.aliases} are allowed`,
          directives > limits.directives && `uses ${directives} directives; at most ${limits.directives} are allowed`,
          !introspection &&
            cost > limits.cost &&
            `would cost about ${Math.round(cost).toLocaleString('en')}; at most ${limits.cost.toLocaleString('en')} is allowed (each field counts 1, a list ${EXPECTED_LIST_LENGTH} times unless its first argument says)`,
        ].filter(Boolean);
        for (const problem of over) context.reportError(new GraphQLError(`The query ${problem}`));
      },
    };
  };
}

/** The validation rules of the limits; the token and byte bounds apply at parsing and at the transport. */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [depthLimit(limits.depth), operationBudget(limits)];
}
