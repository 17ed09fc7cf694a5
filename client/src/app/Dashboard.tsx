import { useQuery } from '@apollo/client/react';
import { METRICS } from '../../../shared/metrics/definitions';
import { KpiCards, type Kpi } from '../features/charts/KpiCards';
import { COMMUNITY_GRIDS, SCOPE_METRICS } from '../features/charts/operations';
import { RankingChart } from '../features/charts/RankingChart';
import { GridMap } from '../features/map/GridMap';
import { useLanguage } from '../i18n/useLanguage';
import { useRoute } from './route';

interface CommunityRow {
  code: string; name: string; hasLocation: boolean; population: number; households: number; partyMembers: number; volunteers: number; volunteerHours: number;
  closure: { value: number | null; tooFewCases: boolean }; onTime: { value: number | null; tooFewCases: boolean }; backlog: { value: number }; selected: { value: number | null };
}

const sum = (rows: CommunityRow[], pick: (r: CommunityRow) => number) => rows.reduce((total, r) => total + pick(r), 0);

export function Dashboard() {
  const { language, strings, toggle } = useLanguage();
  const { route, navigate } = useRoute();
  const { data, error, refetch } = useQuery<{ communities: CommunityRow[] }>(SCOPE_METRICS, { variables: { metric: route.metric } });
  const grids = useQuery<{ community: { grids: { code: string; name: string; selected: { value: number | null } }[] } }>(COMMUNITY_GRIDS, {
    variables: { code: route.communityCode, metric: route.metric }, skip: !route.communityCode,
  });
  const all = data?.communities ?? [];
  const scope = route.communityCode ? all.filter((c) => c.code === route.communityCode) : all;
  const kpis: Kpi[] = [
    { metric: 'POPULATION', value: sum(scope, (c) => c.population) },
    { metric: 'HOUSEHOLDS', value: sum(scope, (c) => c.households) },
    { metric: 'PARTY_MEMBERS', value: sum(scope, (c) => c.partyMembers) },
    { metric: 'VOLUNTEERS', value: sum(scope, (c) => c.volunteers) },
    { metric: 'VOLUNTEER_HOURS', value: sum(scope, (c) => c.volunteerHours) },
    ...(scope.length === 1 ? [
      { metric: 'CLOSURE_RATE' as const, value: scope[0].closure.value, tooFewCases: scope[0].closure.tooFewCases },
      { metric: 'ON_TIME_RATE' as const, value: scope[0].onTime.value, tooFewCases: scope[0].onTime.tooFewCases },
    ] : []),
    { metric: 'BACKLOG', value: sum(scope, (c) => c.backlog.value) },
  ];
  const current = all.find((c) => c.code === route.communityCode);
  const ranking = route.communityCode
    ? (grids.data?.community.grids ?? []).map((g) => ({ name: g.name, value: g.selected.value }))
    : all.map((c) => ({ name: c.name, value: c.selected.value }));
  return (
    <div className="dashboard">
      <header className="topbar">
        <h1 data-testid="title">{strings.title}</h1>
        <select aria-label={strings.metric} value={route.metric} data-testid="metric-select" onChange={(e) => navigate({ metric: e.target.value as typeof route.metric })}>
          {METRICS.map((m) => <option key={m} value={m}>{strings.metrics[m]}</option>)}
        </select>
        <button type="button" onClick={toggle} data-testid="language-switch">{strings.language}</button>
      </header>
      {error && <div className="banner" role="alert">{strings.error} <button type="button" onClick={() => refetch()}>{strings.retry}</button></div>}
      <nav className="breadcrumb">
        <a href="/" onClick={(e) => { e.preventDefault(); navigate({ communityCode: null, gridCode: null }); }}>{strings.allCommunities}</a>
        {current && <> › <span>{current.name}</span></>}
        <span className="period"> · {strings.period}</span>
      </nav>
      {data ? <KpiCards kpis={kpis} language={language} strings={strings} /> : <div className="kpis skeleton">{strings.loading}</div>}
      <main className="body">
        <GridMap communityCode={route.communityCode} metric={route.metric} language={language} strings={strings}
          onSelect={(code) => (route.communityCode ? undefined : navigate({ communityCode: code, gridCode: null }))} />
        <aside className="side">
          <RankingChart title={`${strings.ranking} · ${strings.metrics[route.metric]}`} items={ranking} metric={route.metric} language={language} />
          {!route.communityCode && all.some((c) => !c.hasLocation) && (
            <section className="panel" data-testid="no-location">
              <p>{strings.noLocation}</p>
              <ul>{all.filter((c) => !c.hasLocation).map((c) => <li key={c.code}>{c.name}</li>)}</ul>
            </section>
          )}
        </aside>
      </main>
    </div>
  );
}
