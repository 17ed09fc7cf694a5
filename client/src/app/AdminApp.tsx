import { ApolloProvider } from '@apollo/client/react';
import { createSessionClient } from '../components/session';
import { AdminScreen } from '../features/admin/AdminScreen';
import { LanguageProvider } from '../i18n/LanguageProvider';

const client = createSessionClient();

/** /admin/users: its own chunk, loaded only by admins who open it. */
export function AdminApp() {
  return (
    <ApolloProvider client={client}>
      <LanguageProvider remember>
        <AdminScreen />
      </LanguageProvider>
    </ApolloProvider>
  );
}
