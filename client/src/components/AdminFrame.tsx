import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { graphql } from '../gql';
import { useStrings } from '../i18n/LanguageProvider';
import { signOut, useSignInWhen } from './session';

const ADMIN_VIEWER = graphql(`
  query AdminViewer {
    viewer {
      role
      via
      displayName
    }
  }
`);

export type AdminPage = 'users' | 'import';
const PAGES: AdminPage[] = ['users', 'import'];

interface Props {
  page: AdminPage;
  title: string;
  /** Said to a signed-in viewer who is not an admin, instead of the page. */
  forbidden: string;
  children: ReactNode;
}

/**
 * What every admin page shares: a visitor goes to the login page, a non-admin is told the
 * page is for admins, and the header leads from one admin page to the other.
 */
export function AdminFrame({ page, title, forbidden, children }: Props) {
  const { strings, toggleLanguage } = useStrings();
  const viewer = useQuery(ADMIN_VIEWER).data?.viewer;
  const anonymous = viewer?.via === 'none';
  useSignInWhen(anonymous);
  if (anonymous) return null;
  return (
    <div className="app">
      <header className="topbar">
        <h1>{title}</h1>
        <nav className="admin-nav" data-testid="admin-nav">
          {PAGES.map((p) => (
            <a key={p} href={`/admin/${p}`} aria-current={p === page ? 'page' : undefined}>
              {strings.admin.pages[p]}
            </a>
          ))}
        </nav>
        <a className="topbar-link" href="/">
          {strings.admin.back}
        </a>
        <button type="button" onClick={toggleLanguage} data-testid="language-switch">
          {strings.languageSwitch}
        </button>
        {viewer?.via === 'session' && (
          <button type="button" onClick={() => void signOut()} data-testid="sign-out">
            {strings.auth.signOut}
          </button>
        )}
      </header>
      {viewer && viewer.role !== 'ADMIN' ? (
        <p className="banner" role="alert" data-testid="admin-forbidden">
          {forbidden}
        </p>
      ) : (
        viewer && children
      )}
    </div>
  );
}
