import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PrintHeading } from '../components/PrintHeading';
import { loginUrl } from '../components/session';
import { CaseFlowChart } from '../features/charts/CaseFlowChart';
import { CategoryChart } from '../features/charts/CategoryChart';
import { KpiCards } from '../features/charts/KpiCards';
import { OpenCasesList } from '../features/charts/OpenCasesList';
import { OverdueList } from '../features/cases/OverdueList';
import { PartyChart } from '../features/charts/PartyChart';
import { PopulationChart } from '../features/charts/PopulationChart';
import { RankingChart } from '../features/charts/RankingChart';
import { VolunteerHoursChart } from '../features/charts/VolunteerHoursChart';
import type { BasemapName, ServerConfig } from '../components/map/basemap';
import { GridMap } from '../components/map/GridMap';
import { OverviewMap } from '../components/map/OverviewMap';
import { GridWorker } from '../features/places/GridWorker';
import { BuildingPanel } from '../features/places/BuildingPanel';
import { UnknownPlace } from './UnknownPlace';
import { useStrings } from '../i18n/LanguageProvider';
import { COMMUNITY_ROWS, GRID_ROWS, KPI_METRICS, SCOPE_SERIES, SCOPE_SUMMARY, VIEWER } from './queries';
import { routeUrl, type Route } from './route';
import type { ExportParams } from '../components/Downloads';
import { METRIC_DEFINITIONS, type Metric } from '../../../shared/metrics/definitions';
import { localDay } from '../../../shared/time/buckets';

const NO_ROWS: never[] = [];
/** The longest the overview's charts wait for the map to be drawn before asking for their series. */
const CHARTS_WAIT_MS = 3_000;

interface Props {
  route: Route;
  period: { from: string; to: string };
  /** The period ends today: its last month is drawn as partial. */
  partial: boolean;
  basemap: BasemapName;
  config: ServerConfig | null;
  navigate(next: Partial<Route>): void;
}

/** The leader's screen: the scope's key figures, its map, and charts of its parts. */
export function Dashboard({ route, period, partial, basemap, config, navigate }: Props) {
  const { strings } = useStrings();
  const { communityCode, gridCode, metric } = route;
  // The key figures, and the provenance of what the ranking and the category chart show.
  const summary = useQuery(SCOPE_SUMMARY, {
    variables: {
      metrics: [...new Set([...KPI_METRICS, metric, 'CASES_REPORTED' as const])],
      communityCode,
      gridCode,
      ...period,
    },
  });
  const values = summary.dataState === 'complete' ? summary.data.summary : null;
  const provenance = (m: Metric) => values?.find((v) => v.metric === m)?.provenance;
  // Every community's row, for the overview only. Not normalised into the cache: on a city, writing
  // and reading back 3,500 communities took the page's main thread for about 400 ms before the map drew.
  const communities = useQuery(COMMUNITY_ROWS, {
    variables: { metric, ...period },
    fetchPolicy: 'no-cache',
    skip: !!communityCode,
  });
  const grids = useQuery(GRID_ROWS, {
    variables: { code: communityCode ?? '', metric, ...period },
    skip: !communityCode,
  });
  // The overview's charts, under the map, ask for the city's monthly series once the map is drawn
  // (or after CHARTS_WAIT_MS): computed afresh on a city it takes seconds of the server's cores,
  // which the map's own first queries would wait behind.
  const [mapDrawn, setMapDrawn] = useState(false);
  const drawnMap = useCallback(() => setMapDrawn(true), []);
  useEffect(() => {
    const wait = setTimeout(drawnMap, CHARTS_WAIT_MS);
    return () => clearTimeout(wait);
  }, [drawnMap]);
  const seriesHeld = !communityCode && !mapDrawn;
  const series = useQuery(SCOPE_SERIES, { variables: { communityCode, gridCode, ...period }, skip: seriesHeld });
  const seriesLoading = series.loading || seriesHeld;
  const visitor = useQuery(VIEWER).data?.viewer.via === 'none';
  const error = summary.error ?? communities.error ?? grids.error ?? series.error;
  const allCommunities = communities.data?.communities ?? NO_ROWS;
  const community = grids.data?.community;
  const rows = communityCode ? (community?.grids ?? NO_ROWS) : allCommunities;
  const rowsLoading = communityCode ? grids.loading : communities.loading;
  const grid = community?.grids.find((g) => g.code === gridCode);
  // The charts under the map render in the background, in slices the map's tiles can draw between:
  // on a city their first render takes about 300 ms, which held the map back when it came first.
  const charts = useDeferredValue(
    useMemo(
      () => ({ rows, rowsLoading, series: series.data ?? null, seriesLoading }),
      [rows, rowsLoading, series.data, seriesLoading],
    ),
  );
  const select = (code: string) =>
    navigate(communityCode ? { gridCode: code } : { communityCode: code, gridCode: null });
  // What the panels show, as downloads: the same scope and local days, its places as rows.
  const scope: ExportParams = {
    communities: communityCode,
    grids: gridCode,
    from: localDay(new Date(period.from)),
    to: localDay(new Date(period.to)),
  };
  const places = { ...scope, dimensions: communityCode ? 'GRID' : 'COMMUNITY' };
  const monthly = { ...scope, dimensions: 'TIME', bucket: 'MONTH' };
  const client = useApolloClient();
  // Every query on screen failed together; retry them all, the map's included.
  const retry = () => client.refetchQueries({ include: 'active' });
  if (communityCode && grids.dataState === 'complete' && (!community || (gridCode && !grid)))
    return (
      <UnknownPlace code={community ? gridCode! : communityCode} community={community ?? null} navigate={navigate} />
    );
  return (
    <>
      <PrintHeading
        title={strings.title}
        scope={[community?.name ?? communityCode ?? strings.allCommunities, grid?.name].filter(Boolean).join(' › ')}
        period={`${strings.periods[route.period]} ${scope.from} – ${scope.to}`}
        values={values}
        printOnly
      />
      {error && (
        <div className="banner" role="alert" data-testid="error-banner">
          {strings.error}{' '}
          <button type="button" onClick={() => void retry()}>
            {strings.retry}
          </button>
        </div>
      )}
      <nav className="breadcrumb" data-testid="breadcrumb">
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate({ communityCode: null, gridCode: null });
          }}
        >
          {strings.allCommunities}
        </a>
        {community && (
          <>
            {' '}
            ›{' '}
            <a
              href={`/c/${communityCode}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ gridCode: null });
              }}
            >
              {community.name}
            </a>
          </>
        )}
        {grid && (
          <>
            {' '}
            › <span>{grid.name}</span>
          </>
        )}
        <span className="period"> · {strings.periods[route.period]}</span>
        <a
          className="report-link"
          href={routeUrl({ ...route, screen: 'report' })}
          data-testid="report-link"
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'report' });
          }}
        >
          {strings.report.link}
        </a>
      </nav>
      <KpiCards kpis={values?.filter((v) => KPI_METRICS.some((m) => m === v.metric)) ?? null} />
      <main className="body">
        <ErrorBoundary message={strings.crashed}>
          {community && !community.hasLocation ? (
            <section className="panel no-map" data-testid="no-location">
              {strings.noLocationHere}
            </section>
          ) : !communityCode ? (
            <OverviewMap
              metric={metric}
              period={period}
              basemap={basemap}
              config={config}
              onSelect={(place) =>
                navigate({ communityCode: place.community ?? place.code, gridCode: place.community && place.code })
              }
              onDrawn={drawnMap}
            />
          ) : (
            <GridMap
              communityCode={communityCode}
              gridCode={gridCode}
              metric={metric}
              period={period}
              basemap={basemap}
              config={config}
              onSelect={select}
              buildingCode={route.building}
              onBuilding={(building) => navigate({ building })}
            />
          )}
        </ErrorBoundary>
        <aside className="side">
          <ErrorBoundary message={strings.crashed}>
            {gridCode ? (
              <>
                {route.building && <BuildingPanel code={route.building} onClose={() => navigate({ building: null })} />}
                <GridWorker gridCode={gridCode} />
                <OpenCasesList gridCode={gridCode} />
                {visitor && (
                  <section className="panel" data-testid="buildings-hidden">
                    <a href={loginUrl(null)}>{strings.buildingsNeedSignIn}</a>
                  </section>
                )}
              </>
            ) : (
              <RankingChart
                rows={rows}
                metric={metric}
                loading={rowsLoading}
                onSelect={select}
                provenance={provenance(metric)}
                downloads={{
                  ...places,
                  measures: metric,
                  sort: METRIC_DEFINITIONS[metric].higherIsBetter === false ? metric : `-${metric}`,
                }}
              />
            )}
            {!communityCode && allCommunities.some((c) => !c.hasLocation) && (
              <section className="panel" data-testid="no-location">
                <p>{strings.noLocation}</p>
                <ul>
                  {allCommunities
                    .filter((c) => !c.hasLocation)
                    .map((c) => (
                      <li key={c.code}>
                        <a
                          href={`/c/${c.code}`}
                          onClick={(e) => {
                            e.preventDefault();
                            select(c.code);
                          }}
                        >
                          {c.name}
                        </a>
                      </li>
                    ))}
                </ul>
              </section>
            )}
          </ErrorBoundary>
        </aside>
      </main>
      <div className="charts">
        <ErrorBoundary message={strings.crashed}>
          <OverdueList
            communityCode={communityCode}
            gridCode={gridCode}
            onOpen={(caseCode) => navigate({ screen: 'case', caseCode })}
          />
          {!gridCode && (
            <PopulationChart
              rows={charts.rows}
              loading={charts.rowsLoading}
              provenance={provenance('POPULATION')}
              downloads={{ ...places, measures: ['POPULATION', 'HOUSEHOLDS'] }}
            />
          )}
          {!gridCode && (
            <PartyChart
              rows={charts.rows}
              loading={charts.rowsLoading}
              provenance={provenance('PARTY_MEMBERS')}
              downloads={{ ...places, measures: 'PARTY_MEMBERS' }}
            />
          )}
          <VolunteerHoursChart
            points={charts.series?.hours ?? []}
            loading={charts.seriesLoading}
            partial={partial}
            provenance={provenance('VOLUNTEER_HOURS')}
            downloads={{ ...monthly, measures: 'VOLUNTEER_HOURS' }}
          />
          <CaseFlowChart
            series={charts.series}
            loading={charts.seriesLoading}
            partial={partial}
            provenance={provenance('CLOSURE_RATE')}
            downloads={{ ...monthly, measures: ['CASES_REPORTED', 'CASES_CLOSED', 'CLOSURE_RATE', 'ON_TIME_RATE'] }}
          />
          <CategoryChart
            categories={charts.series?.categories ?? []}
            loading={charts.seriesLoading}
            provenance={provenance('CASES_REPORTED')}
            downloads={{ ...scope, dimensions: 'CATEGORY', measures: 'CASES_REPORTED' }}
          />
        </ErrorBoundary>
      </div>
    </>
  );
}
