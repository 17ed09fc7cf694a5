import { METRICS, type Metric } from '../../../shared/metrics/definitions';
import { BASEMAPS, type BasemapName } from '../components/map/basemap';
import { SearchBox, type SearchHit } from '../features/search/SearchBox';
import { useStrings } from '../i18n/LanguageProvider';
import { PERIODS, type PeriodPreset } from '../../../shared/time/period-presets';
import { loginUrl, signOut } from '../components/session';
import type { ViewerQuery } from '../gql/graphql';
import type { Route } from './route';

interface Props {
  viewer: ViewerQuery['viewer'] | null;
  route: Route;
  basemap: BasemapName;
  navigate(next: Partial<Route>): void;
  onBasemap(name: BasemapName): void;
  onSearch(hit: SearchHit): void;
}

export function Header({ viewer, route, basemap, navigate, onBasemap, onSearch }: Props) {
  const { strings, toggleLanguage } = useStrings();
  // The product's name stays; its description gives way on a narrow screen in a long language.
  const [product, ...subtitle] = strings.title.split(' · ');
  return (
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
              {BASEMAPS.map((b) => (
                <option key={b} value={b}>
                  {strings.basemaps[b]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label>
        {strings.period}
        <select
          value={route.period}
          data-testid="period-select"
          onChange={(e) => navigate({ period: e.target.value as PeriodPreset })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {strings.periods[p]}
            </option>
          ))}
        </select>
      </label>
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
  return (
    <div className="identity" data-testid="identity">
      <span title={viewer.username ?? undefined}>
        <strong>{viewer.displayName}</strong> · {role} · {viewer.scopeName ?? viewer.scope ?? strings.auth.allScope}
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
