import { ApolloProvider } from '@apollo/client/react';
import { createSessionClient } from '../components/session';
import { LanguageProvider } from '../i18n/LanguageProvider';
import { App } from './App';

const client = createSessionClient();

/** The leader's dashboard: the Apollo client of the session and the remembered language. */
export function DashboardApp() {
  return (
    <ApolloProvider client={client}>
      <LanguageProvider remember>
        <App />
      </LanguageProvider>
    </ApolloProvider>
  );
}
