import { timeZone } from '../../../../shared/time/buckets';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ACCOUNT_ROLES, ROLES, type Role } from '../../../../shared/enums';
import { AdminFrame } from '../../components/AdminFrame';
import type { AdminDataQuery } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';
import {
  ADMIN_DATA,
  CREATE_ACCOUNT,
  CREATE_TOKEN,
  RESET_PASSWORD,
  REVOKE_TOKEN,
  SET_ACCOUNT_DISABLED,
} from './operations';

/** A password or token shown once, right after it was made: it cannot be read again. */
type Secret = { label: string; value: string; wall?: string };

const refetchQueries = ['AdminData'];

/** /admin/users: accounts, tokens and the audit log, for admins. */
export function AdminScreen() {
  const { strings } = useStrings();
  return (
    <AdminFrame page="users" title={strings.admin.title} forbidden={strings.admin.forbidden}>
      <AdminPanels />
    </AdminFrame>
  );
}

function AdminPanels() {
  const { strings } = useStrings();
  const { data } = useQuery(ADMIN_DATA);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Run a mutation; its error (the server names every problem) is shown above the panels. */
  const attempt = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <main className="admin">
      {problem && (
        <p className="banner" role="alert" data-testid="admin-problem">
          {problem}
        </p>
      )}
      {secret && (
        <section className="panel secret" data-testid="one-time-secret">
          <p>{secret.label}</p>
          <code data-testid="secret-value">{secret.value}</code>
          {secret.wall && (
            <a href={secret.wall} target="_blank" rel="noreferrer" data-testid="open-wall">
              {strings.admin.openWall}
            </a>
          )}
        </section>
      )}
      <Accounts accounts={data?.accounts ?? []} attempt={attempt} onSecret={setSecret} />
      <Tokens tokens={data?.apiTokens ?? []} attempt={attempt} onSecret={setSecret} />
      <Audit events={data?.auditEvents ?? []} />
    </main>
  );
}

interface PanelProps {
  attempt(work: () => Promise<unknown>): Promise<void>;
  onSecret(secret: Secret): void;
}

function useDate() {
  const { strings, language } = useStrings();
  return (value: string | null | undefined) =>
    value
      ? new Date(value).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short', timeZone: timeZone() })
      : strings.admin.never;
}

function Accounts({ accounts, attempt, onSecret }: PanelProps & { accounts: AdminDataQuery['accounts'] }) {
  const { strings } = useStrings();
  const date = useDate();
  const [create] = useMutation(CREATE_ACCOUNT, { refetchQueries });
  const [setDisabled] = useMutation(SET_ACCOUNT_DISABLED, { refetchQueries });
  const [reset] = useMutation(RESET_PASSWORD, { refetchQueries });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    void attempt(async () => {
      const { data } = await create({
        variables: {
          input: {
            username: String(values.get('username')),
            displayName: String(values.get('displayName')),
            role: values.get('role') as Role,
            scope: String(values.get('scope')) || null,
          },
        },
      });
      if (!data) return;
      const { account, password } = data.createAccount;
      onSecret({ label: strings.admin.passwordOnce.replace('{name}', account.username), value: password });
      form.reset();
    });
  };
  return (
    <section className="panel" data-testid="accounts">
      <h2>{strings.admin.accounts}</h2>
      <table>
        <thead>
          <tr>
            <th>{strings.admin.username}</th>
            <th>{strings.admin.displayName}</th>
            <th>{strings.admin.role}</th>
            <th>{strings.admin.scope}</th>
            <th>{strings.admin.created}</th>
            <th>{strings.admin.lastLogin}</th>
            <th>{strings.admin.state}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username} data-testid={`account-${a.username}`}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{strings.roles[a.role]}</td>
              <td>{a.scope ?? strings.auth.allScope}</td>
              <td>{date(a.createdAt)}</td>
              <td>{date(a.lastLoginAt)}</td>
              <td>{a.disabledAt ? strings.admin.disabled : strings.admin.active}</td>
              <td className="actions">
                <button
                  type="button"
                  onClick={() =>
                    (a.disabledAt || window.confirm(strings.admin.confirmDisable)) &&
                    void attempt(() => setDisabled({ variables: { username: a.username, disabled: !a.disabledAt } }))
                  }
                >
                  {a.disabledAt ? strings.admin.enable : strings.admin.disable}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void attempt(async () => {
                      const { data } = await reset({ variables: { username: a.username } });
                      if (data)
                        onSecret({
                          label: strings.admin.passwordOnce.replace('{name}', a.username),
                          value: data.resetPassword,
                        });
                    })
                  }
                >
                  {strings.admin.resetPassword}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={submit} data-testid="create-account">
        <h3>{strings.admin.createAccount}</h3>
        <label>
          {strings.admin.username}
          <input name="username" required pattern="[a-z0-9][a-z0-9._\-]{1,39}" placeholder="li.ming" />
        </label>
        <label>
          {strings.admin.displayName}
          <input name="displayName" required />
        </label>
        <RoleSelect roles={ACCOUNT_ROLES} initial="LEADER" />
        <label>
          {strings.admin.scope}
          <input name="scope" placeholder={strings.admin.scopeHint} title={strings.admin.scopeHint} />
        </label>
        <button type="submit" className="primary">
          {strings.admin.createAccount}
        </button>
      </form>
    </section>
  );
}

function RoleSelect({ roles, initial }: { roles: readonly Role[]; initial: Role }) {
  const { strings } = useStrings();
  return (
    <label>
      {strings.admin.role}
      <select name="role" defaultValue={initial}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {strings.roles[role]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Tokens({ tokens, attempt, onSecret }: PanelProps & { tokens: AdminDataQuery['apiTokens'] }) {
  const { strings } = useStrings();
  const date = useDate();
  const [create] = useMutation(CREATE_TOKEN, { refetchQueries });
  const [revoke] = useMutation(REVOKE_TOKEN, { refetchQueries });
  const now = new Date();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const expires = String(values.get('expiresAt'));
    void attempt(async () => {
      const { data } = await create({
        variables: {
          input: {
            name: String(values.get('name')),
            role: values.get('role') as Role,
            scope: String(values.get('scope')) || null,
            // The end of the chosen day, on the admin's clock.
            expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
          },
        },
      });
      if (!data) return;
      const { token, value } = data.createApiToken;
      onSecret({
        label: strings.admin.tokenOnce,
        value,
        wall: token.role === 'DISPLAY' ? `/wall?${new URLSearchParams({ token: value })}` : undefined,
      });
      form.reset();
    });
  };
  const state = (t: AdminDataQuery['apiTokens'][number]) =>
    t.revokedAt
      ? strings.admin.revoked
      : t.expiresAt && new Date(t.expiresAt) <= now
        ? strings.admin.expired
        : strings.admin.active;
  return (
    <section className="panel" data-testid="tokens">
      <h2>{strings.admin.tokens}</h2>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{strings.admin.tokenName}</th>
            <th>{strings.admin.role}</th>
            <th>{strings.admin.scope}</th>
            <th>{strings.admin.created}</th>
            <th>{strings.admin.lastUsed}</th>
            <th>{strings.admin.expires}</th>
            <th>{strings.admin.state}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid={`token-${t.id}`}>
              <td>{t.id}</td>
              <td>{t.name}</td>
              <td>{strings.roles[t.role]}</td>
              <td>{t.scope ?? strings.auth.allScope}</td>
              <td>{date(t.createdAt)}</td>
              <td>{date(t.lastUsedAt)}</td>
              <td>{t.expiresAt ? date(t.expiresAt) : '—'}</td>
              <td>{state(t)}</td>
              <td className="actions">
                {!t.revokedAt && (
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(strings.admin.confirmRevoke) &&
                      void attempt(() => revoke({ variables: { id: t.id } }))
                    }
                  >
                    {strings.admin.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={submit} data-testid="create-token">
        <h3>{strings.admin.createToken}</h3>
        <label>
          {strings.admin.tokenName}
          <input name="name" required placeholder="大厅一号屏" />
        </label>
        <RoleSelect roles={ROLES} initial="DISPLAY" />
        <label>
          {strings.admin.scope}
          <input name="scope" placeholder={strings.admin.scopeHint} title={strings.admin.scopeHint} />
        </label>
        <label>
          {strings.admin.expires}
          <input name="expiresAt" type="date" title={strings.admin.noExpiry} />
        </label>
        <button type="submit" className="primary">
          {strings.admin.createToken}
        </button>
      </form>
    </section>
  );
}

function Audit({ events }: { events: AdminDataQuery['auditEvents'] }) {
  const { strings } = useStrings();
  const date = useDate();
  return (
    <section className="panel" data-testid="audit">
      <h2>{strings.admin.audit}</h2>
      <table>
        <thead>
          <tr>
            <th>{strings.admin.time}</th>
            <th>{strings.admin.action}</th>
            <th>{strings.admin.actor}</th>
            <th>{strings.admin.subject}</th>
            <th>{strings.admin.address}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{date(e.at)}</td>
              <td>{strings.admin.actions[e.action as keyof typeof strings.admin.actions] ?? e.action}</td>
              <td>{e.actor}</td>
              <td>{e.subject ?? ''}</td>
              <td>{e.address ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
