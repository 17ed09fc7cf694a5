import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { WallApp } from './features/wall/WallApp';
import './styles.css';

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache({
    // Places are identified by their codes, so every query about a community updates the same cache entry.
    typePolicies: { Community: { keyFields: ['code'] }, Grid: { keyFields: ['code'] }, Building: { keyFields: ['code'] }, Case: { keyFields: ['code'] } },
  }),
});

const isWall = location.pathname.startsWith('/wall');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isWall ? <WallApp /> : (
      <ApolloProvider client={client}>
        <App />
      </ApolloProvider>
    )}
  </StrictMode>,
);
