import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { createSessionClient } from '../components/session';
import { AdminScreen } from '../features/admin/AdminScreen';
import { LanguageProvider } from '../i18n/LanguageProvider';

// The import page draws a map: Leaflet loads only when it is opened, not with the accounts page.
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));

const client = createSessionClient();

/** /admin/users and /admin/import: their own chunk, loaded only by admins who open them. */
export function AdminApp() {
  const Screen = window.location.pathname.startsWith('/admin/import') ? ImportScreen : AdminScreen;
  return (
    <ApolloProvider client={client}>
      <LanguageProvider remember>
        <Suspense fallback={null}>
          <Screen />
        </Suspense>
      </LanguageProvider>
    </ApolloProvider>
  );
}
