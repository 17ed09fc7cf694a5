import { LoginScreen } from '../features/login/LoginScreen';
import { LanguageProvider } from '../i18n/LanguageProvider';

/** /login: no GraphQL, only the form and the remembered language. */
export function LoginApp() {
  return (
    <LanguageProvider remember>
      <LoginScreen />
    </LanguageProvider>
  );
}
