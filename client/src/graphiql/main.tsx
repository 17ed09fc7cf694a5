import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

/**
 * The query page at /graphql for analysts: GraphiQL, bundled (no CDN), with the docs
 * explorer and autocomplete from introspection (which the server answers only to
 * callers who signed in or send a token). Requests are same-origin, so the browser's
 * session goes along; a token can be set in the headers editor, which is
 * remembered in this browser.
 */
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
});

const DEFAULT_QUERY = `# 网格通 GridScope GraphQL: Ctrl+Enter runs, Ctrl+Space completes, the book icon opens the docs.
# The docs and autocomplete need signing in (/login) or a token in Headers:
# { "Authorization": "Bearer <token>" }
{
  communities {
    code
    name
    population
    households
    grids { code name population }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders isHeadersEditorEnabled />,
);
