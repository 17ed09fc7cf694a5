import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { CATALOGUE } from '../../i18n/catalogue';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { WallScreen } from './WallScreen';
import { parseWallParams } from './wallParams';

/** /wall: its own Apollo client, authenticated by the display token in the URL. */
export function WallApp() {
  const params = useMemo(() => parseWallParams(location.search), []);
  const language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
  const strings = CATALOGUE[language];
  const client = useMemo(() => new ApolloClient({
    link: new HttpLink({ uri: '/graphql', headers: params.token ? { authorization: `Bearer ${params.token}` } : {} }),
    cache: new InMemoryCache({ typePolicies: { Community: { keyFields: ['code'] }, Grid: { keyFields: ['code'] } } }),
  }), [params.token]);
  return (
    <ApolloProvider client={client}>
      <ErrorBoundary message={strings.crashed}>
        <WallScreen params={params} language={language} strings={strings} />
      </ErrorBoundary>
    </ApolloProvider>
  );
}
