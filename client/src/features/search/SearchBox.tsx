import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { SearchQuery } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';

const SEARCH = graphql(`
  query Search($text: String!) {
    search(text: $text, first: 8) {
      kind
      code
      communityCode
      gridCode
      label
    }
  }
`);

export type SearchHit = SearchQuery['search'][number];

/** Find a community, grid or building by name or code; picking a hit opens it on the map. */
export function SearchBox({ onPick }: { onPick(hit: SearchHit): void }) {
  const { strings } = useStrings();
  const [text, setText] = useState('');
  const [run, { data }] = useLazyQuery(SEARCH);
  useEffect(
    function searchAfterTyping() {
      if (!text.trim()) return;
      const timer = setTimeout(() => void run({ variables: { text: text.trim() } }), 200);
      return function cancelSearch() {
        clearTimeout(timer);
      };
    },
    [text, run],
  );
  const hits = text.trim() ? data?.search : undefined;
  return (
    <div className="search">
      <input
        type="search"
        value={text}
        placeholder={strings.search}
        aria-label={strings.search}
        data-testid="search"
        onChange={(e) => setText(e.target.value)}
      />
      {hits && (
        <ul className="search-hits" role="listbox">
          {hits.length === 0 && <li className="empty">{strings.searchNone}</li>}
          {hits.map((hit) => (
            <li key={`${hit.kind}-${hit.code}`} role="option" aria-selected="false">
              <button
                type="button"
                onClick={() => {
                  setText('');
                  onPick(hit);
                }}
              >
                <span className="kind">{strings.kinds[hit.kind as keyof typeof strings.kinds]}</span> {hit.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
