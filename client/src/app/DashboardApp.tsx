import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { LanguageProvider } from '../i18n/LanguageProvider';
import { App } from './App';

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache({
    // Places are identified by their codes, so every query about a community updates the same cache entry.
    typePolicies: {
      Community: { keyFields: ['code'] },
      Grid: { keyFields: ['code'] },
      Building: { keyFields: ['code'] },
      Case: { keyFields: ['code'] },
    },
  }),
});

/** The leader's dashboard: the Apollo client for the session and the remembered language. */
export function DashboardApp() {
  return (
    <ApolloProvider client={client}>
      <LanguageProvider remember>
        <App />
      </LanguageProvider>
    </ApolloProvider>
  );
}
