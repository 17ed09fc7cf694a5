import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit, INTROSPECTION_DEPTH } from './depth-limit';

const schema = buildSchema('type Node { name: String child: Node } type Query { node: Node }');
const errorsOf = (query: string, max = 3) => validate(schema, parse(query), [depthLimit(max)]).map((e) => e.message);

describe('depth limit', () => {
  it('counts fields that select fields (not leaves), through inline fragments and fragment spreads', () => {
    expect(errorsOf('{ node { child { child { name } } } }')).toEqual([]);
    expect(errorsOf('{ node { child { child { child { name } } } } }')).toEqual([
      'The query is 4 levels deep; at most 3 are allowed',
    ]);
    expect(
      errorsOf('{ node { ... on Node { child { ...deep } } } } fragment deep on Node { child { child { name } } }'),
    ).toEqual(['The query is 4 levels deep; at most 3 are allowed']);
  });

  it('lets the standard introspection query through, but not deeper introspection', () => {
    expect(
      errorsOf(
        getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          inputValueDeprecation: true,
        }),
        8,
      ),
    ).toEqual([]);
    const tooDeep = `{ __schema { types { fields { type ${'{ ofType '.repeat(INTROSPECTION_DEPTH)}{ name }${' }'.repeat(INTROSPECTION_DEPTH)} } } } }`;
    expect(errorsOf(tooDeep, 8)[0]).toMatch(new RegExp(`at most ${INTROSPECTION_DEPTH} are allowed`));
  });

  it('measures fragments that spread each other many times over in linear time', () => {
    // f0 spreads f1 twice, f1 spreads f2 twice, …: 2^40 paths, 41 fragments. Walking every path would never finish.
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment f${i} on Node { child { ...f${i + 1} } name ...f${i + 1} }`,
    );
    const query = `{ node { ...f0 } } ${fragments.join(' ')} fragment f40 on Node { name }`;
    expect(errorsOf(query, 41)).toEqual([]);
    expect(errorsOf(query, 40)).toEqual(['The query is 41 levels deep; at most 40 are allowed']);
  });

  it('does not hang on fragment cycles, which another rule reports', () => {
    expect(
      errorsOf('{ node { ...a } } fragment a on Node { child { ...b } } fragment b on Node { child { ...a } }', 10),
    ).toEqual([]);
  });
});
