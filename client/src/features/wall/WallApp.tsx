import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { LanguageProvider, useStrings } from '../../i18n/LanguageProvider';
import { WallScreen } from './WallScreen';
import { parseWallParams } from './wallParams';

/**
 * /wall: its own Apollo client, authenticated by the wall's cookie (the display token of
 * its address, traded at the first load); the language comes from ?lang= only.
 */
export function WallApp() {
  const params = useMemo(() => parseWallParams(location.search), []);
  const client = useMemo(
    () =>
      new ApolloClient({
        link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
        cache: new InMemoryCache({
          typePolicies: { Community: { keyFields: ['code'] }, Grid: { keyFields: ['code'] } },
        }),
      }),
    [],
  );
  return (
    <ApolloProvider client={client}>
      <LanguageProvider remember={false}>
        <WallBoundary>
          <WallScreen params={params} />
        </WallBoundary>
      </LanguageProvider>
    </ApolloProvider>
  );
}

function WallBoundary({ children }: { children: React.ReactNode }) {
  const { strings } = useStrings();
  return <ErrorBoundary message={strings.crashed}>{children}</ErrorBoundary>;
}
