import { METRICS, type Metric } from '../../../shared/metrics/definitions';
import type { BasemapName } from '../components/map/basemap';
import { SearchBox, type SearchHit } from '../features/search/SearchBox';
import { useStrings } from '../i18n/LanguageProvider';
import { useState } from 'react';
import { dayRange, periodRange, PERIODS, type DayRange, type PeriodPreset } from '../../../shared/time/period-presets';
import { localDay } from '../../../shared/time/buckets';
import { loginUrl, signOut } from '../components/session';
import type { ViewerQuery } from '../gql/graphql';
import type { Route } from './route';

interface Props {
  viewer: ViewerQuery['viewer'] | null;
  route: Route;
  basemap: BasemapName;
  /** The basemaps on offer (the offline archive only when the server has one). */
  basemaps: BasemapName[];
  navigate(next: Partial<Route>): void;
  onBasemap(name: BasemapName): void;
  onSearch(hit: SearchHit): void;
}

export function Header({ viewer, route, basemap, basemaps, navigate, onBasemap, onSearch }: Props) {
  const { strings, toggleLanguage } = useStrings();
  // The product's name stays; its description gives way on a narrow screen in a long language.
  const [product, ...subtitle] = strings.title.split(' · ');
  return (
    <>
      <header className="topbar">
        <h1 data-testid="title">
          {product}
          {subtitle.length > 0 && <span className="subtitle"> · {subtitle.join(' · ')}</span>}
        </h1>
        <SearchBox onPick={onSearch} />
        {route.screen === 'dashboard' && (
          <>
            <label>
              {strings.metric}
              <select
                value={route.metric}
                data-testid="metric-select"
                onChange={(e) => navigate({ metric: e.target.value as Metric })}
              >
                {METRICS.map((m) => (
                  <option key={m} value={m}>
                    {strings.metrics[m]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {strings.basemap}
              <select
                value={basemap}
                data-testid="basemap-select"
                onChange={(e) => onBasemap(e.target.value as BasemapName)}
              >
                {basemaps.map((b) => (
                  <option key={b} value={b}>
                    {strings.basemaps[b]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {/* The report has a month of its own. */}
        {route.screen !== 'report' && (
          <>
            <label>
              {strings.period}
              <select
                value={route.period}
                data-testid="period-select"
                onChange={(e) => {
                  const period = e.target.value as PeriodPreset;
                  // A custom period starts as the one on screen, for the leader to adjust.
                  const shown = periodRange(route.period, new Date(), route.days);
                  const days = { from: localDay(new Date(shown.from)), to: localDay(new Date(shown.to)) };
                  navigate(period === 'custom' ? { period, days: route.days ?? days } : { period });
                }}
              >
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {strings.periods[p]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button
          type="button"
          data-testid="compare-link"
          onClick={() => navigate(route.screen === 'compare' ? { screen: 'dashboard' } : { screen: 'compare' })}
        >
          {route.screen === 'compare' ? strings.backToMap : strings.compare}
        </button>
        <button type="button" onClick={toggleLanguage} data-testid="language-switch">
          {strings.languageSwitch}
        </button>
        {viewer && <Identity viewer={viewer} />}
      </header>
      {/* A custom period's days on a bar of their own under the header, which stays one line on a laptop. */}
      {route.period === 'custom' && route.screen !== 'report' && <CustomDays days={route.days} navigate={navigate} />}
    </>
  );
}

/** A custom period's first and last day, from the browser's calendar; the route keeps them once both are set. */
function CustomDays({ days, navigate }: { days: DayRange | null; navigate: Props['navigate'] }) {
  const { strings } = useStrings();
  const [from, setFrom] = useState(days?.from ?? '');
  const [to, setTo] = useState(days?.to ?? '');
  const pick = (next: { from: string; to: string }) => {
    setFrom(next.from);
    setTo(next.to);
    const range = dayRange(next.from, next.to);
    if (range) navigate({ days: range });
  };
  return (
    <div className="custom-days" data-testid="custom-days">
      {strings.periods.custom}
      <input
        type="date"
        aria-label={strings.periodFrom}
        value={from}
        max={to || undefined}
        onChange={(e) => pick({ from: e.target.value, to })}
      />
      –
      <input
        type="date"
        aria-label={strings.periodTo}
        value={to}
        min={from || undefined}
        onChange={(e) => pick({ from, to: e.target.value })}
      />
    </div>
  );
}

/** Who is signed in, with their role and area, and the way out; or the way in for a visitor. */
function Identity({ viewer }: { viewer: ViewerQuery['viewer'] }) {
  const { strings } = useStrings();
  if (viewer.via !== 'session')
    return (
      <a className="topbar-link" href={loginUrl(null)} data-testid="sign-in-link">
        {strings.auth.signIn}
      </a>
    );
  const role = strings.roles[viewer.role as keyof typeof strings.roles] ?? viewer.role;
  const area = viewer.scopeName ?? viewer.scope ?? strings.auth.allScope;
  return (
    <div className="identity" data-testid="identity">
      <span title={`${viewer.username ?? ''} · ${role} · ${area}`}>
        <strong>{viewer.displayName}</strong>
        <span className="identity-role">
          {' '}
          · {role} · {area}
        </span>
      </span>
      {viewer.role === 'ADMIN' && (
        <a className="topbar-link" href="/admin/users" data-testid="admin-link">
          {strings.auth.admin}
        </a>
      )}
      <button type="button" onClick={() => void signOut()} data-testid="sign-out">
        {strings.auth.signOut}
      </button>
    </div>
  );
}
