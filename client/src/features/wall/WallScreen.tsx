import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions';
import { DEFAULT_TIME_ZONE, startOfDay, timeZone } from '../../../../shared/time/buckets';
import { periodRange } from '../../../../shared/time/period-presets';
import { useServerConfig } from '../../components/map/basemap';
import { GridMap } from '../../components/map/GridMap';
import { useStrings } from '../../i18n/LanguageProvider';
import { WALL_ITEM, WALL_KPIS, WALL_LATEST_CASES, WALL_PLACES, WALL_RANKING } from './operations';
import { RotationService } from './rotation';
import { useNow } from './useNow';
import { useWallFreshness } from './useWallFreshness';
import { WallKpi } from './WallKpi';
import { wallItems } from './wallItems';
import { WallStage } from './WallStage';
import { PALETTES } from '../../../../shared/geo/classify';
import type { WallDesign } from './stage';
import type { CaseCategory } from '../../../../shared/enums';
import type { WallParams } from './wallParams';

/** Keeps the last data a query had, so a failed refresh never blanks the screen. */
function useLastData<T>(data: T | undefined): T | undefined {
  const [last, setLast] = useState(data);
  if (data !== undefined && data !== last) setLast(data);
  return data ?? last;
}

/** 优 良 中 差 as the assessment tables colour them, light enough for dark text on both themes. */
const GRADE_COLORS: Record<string, string> = { 优: '#3ecf8e', 良: '#7cb8ff', 中: '#f6c445', 差: '#ff8a8a' };
const NO_GRADE = '#b4c2d6';
const CURRENT = '#ff6b6b';
const OTHERS = '#f6c445';

const DAY_MS = 86_400_000;

/** Latest cases the ticker has room for on each canvas. */
const TICKER_ITEMS: Record<WallDesign['name'], number> = { wide: 3, ultrawide: 4, superwide: 6 };

/** Chart text on the design canvas: nothing on the wall is smaller (legible from 5 m once scaled to the screen). */
const CHART_TEXT = 22;

function FullScreenMessage({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="wall-message" data-testid="wall-message" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
    </div>
  );
}

async function reloadIfServerIsUp() {
  const up = await fetch('/healthz').then(
    (r) => r.ok,
    () => false,
  );
  if (up) location.reload();
}

export function WallScreen({ params }: { params: WallParams }) {
  const { language, strings } = useStrings();
  const { tokenState, lastUpdate, staleSince } = useWallFreshness(params.token, params.scope);
  const ready = tokenState === 'ok';
  const places = useLastData(
    useQuery(WALL_PLACES, { variables: { withGrids: params.scope !== 'all' }, skip: !ready }).data,
  );
  const scope = useMemo(
    () => (places ? wallItems(params.scope, places.communities, strings.wall.allScope) : null),
    [places, params.scope, strings],
  );
  const [position, setPosition] = useState({ item: 0, metric: 0, ticks: 0 });
  const now = useNow();
  // The period moves once a day (the server counts whole days), so the queries' variables, and the cache, stay the same all day.
  const zone = useServerConfig()?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = startOfDay(now).getTime();
  // Again once the server's time zone is known: the shared calendar's zone is module state, set from /config.json.
  const period = useMemo(() => {
    const { from, to } = periodRange('year', new Date(today));
    return { from, to };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [today, zone]);
  const item = scope?.items[position.item % scope.items.length];
  const metric = params.metrics[position.metric % params.metrics.length];
  const itemVariables = scope?.kind === 'grid' ? { gridCode: item?.code } : { communityCode: item?.code };
  const itemQuery = useQuery(WALL_ITEM, {
    variables: { metrics: [...WALL_KPIS], ...itemVariables, ...period },
    skip: !item,
  });
  const itemData = useLastData(itemQuery.data);
  // The rotation moves on only once the item on screen has its figures (or its request failed).
  const itemShown = useRef(false);
  useEffect(function rememberWhetherShown() {
    itemShown.current = itemQuery.data !== undefined || itemQuery.error !== undefined;
  });
  useEffect(
    function rotate() {
      if (!scope) return;
      const rotation = new RotationService({
        items: scope.items.length,
        metrics: params.metrics.length,
        intervalMs: params.intervalMs,
        reloadEvery: params.reloadEvery,
        onTick: (state) => setPosition((at) => ({ item: state.item, metric: state.metric, ticks: at.ticks + 1 })),
        onReload: () => void reloadIfServerIsUp(),
        shown: () => itemShown.current,
      });
      rotation.start();
      return function stopRotating() {
        rotation.stop();
      };
    },
    [scope, params.metrics.length, params.intervalMs, params.reloadEvery],
  );
  const mapShown = scope?.mapShown ?? true;
  // A wall of a sub-district rotates through its communities, and ranks only them.
  const subDistrictCode = scope?.kind === 'community' && params.scope !== 'all' ? params.scope : null;
  // The rows the chart has room for: a city's table is 3,500 rows.
  const ranking = useLastData(
    useQuery(WALL_RANKING, {
      variables: {
        level: scope?.kind === 'grid' ? 'GRID' : 'COMMUNITY',
        metric,
        communityCode: scope?.kind === 'grid' ? scope.communityCode : null,
        subDistrictCode,
        top: mapShown ? 8 : 12,
        ...period,
      },
      skip: !scope,
    }).data?.ranking,
  );
  const latest = useLastData(
    useQuery(WALL_LATEST_CASES, {
      // Reported since the day before yesterday: the newest first below, whatever order the ids have.
      variables: { communityCode: scope?.communityCode ?? null, since: new Date(today - 2 * DAY_MS).toISOString() },
      skip: !scope,
    }).data?.cases.edges,
  );
  const onlyCodes = useMemo(
    () => (scope && subDistrictCode ? scope.items.map((i) => i.code) : null),
    [scope, subDistrictCode],
  );

  const stage = (content: (design: WallDesign) => React.ReactNode) => <WallStage fit={params.fit}>{content}</WallStage>;
  if (tokenState === 'missing')
    return stage(() => <FullScreenMessage title={strings.wall.tokenMissing} detail={strings.wall.tokenHelp} />);
  if (tokenState === 'invalid')
    return stage(() => <FullScreenMessage title={strings.wall.tokenInvalid} detail={strings.wall.tokenHelp} />);
  if (tokenState === 'wrongRole')
    return stage(() => <FullScreenMessage title={strings.wall.tokenNotDisplay} detail={strings.wall.tokenHelp} />);
  if (places && !scope)
    return stage(() => <FullScreenMessage title={strings.wall.scopeUnknown} detail={params.scope} />);
  const time = (at: Date) =>
    at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', timeZone: timeZone() });
  // A case from an earlier day says which: 11/30 21:06.
  const reported = (at: Date) =>
    at.getTime() >= today
      ? time(at)
      : at.toLocaleString(language, {
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: timeZone(),
        });
  const monthly = (itemData?.reported ?? []).map((p, i) => ({
    month: new Date(p.start).toLocaleDateString(language, { month: 'short', timeZone: timeZone() }),
    reported: p.value ?? 0,
    closed: itemData!.closed[i]?.value ?? 0,
  }));
  const unit = METRIC_DEFINITIONS[metric].unit;
  // Best first by the metric's direction, as the server ranks, each with a value on enough cases.
  const ranked = (ranking ?? []).map((r) => ({
    name: r.name,
    value: r.value!,
    grade: r.grade,
    label: [formatNumber(r.value, unit, language, true), r.grade].filter(Boolean).join(' '),
    current: r.code === item?.code,
  }));
  const graded = ranked.some((r) => r.grade);
  const rankingChart = (
    <div className="wall-chart" data-testid="chart-wall-ranking">
      <h2>
        {strings.wall.ranking} · {strings.metrics[metric]}
      </h2>
      <ResponsiveContainer width="100%" height="88%">
        <BarChart data={ranked} layout="vertical" margin={{ right: 110 }}>
          <XAxis type="number" hide />
          <YAxis
            type="category"
            dataKey="name"
            width={150}
            tick={{ fontSize: CHART_TEXT, fill: 'currentColor' }}
            interval={0}
          />
          <Bar dataKey="value" isAnimationActive={false} maxBarSize={48}>
            {ranked.map((r) => (
              <Cell
                key={r.name}
                fill={graded ? (GRADE_COLORS[r.grade ?? ''] ?? NO_GRADE) : r.current ? CURRENT : OTHERS}
                stroke={graded && r.current ? 'currentColor' : 'none'}
                strokeWidth={4}
              />
            ))}
            <LabelList dataKey="label" position="right" fontSize={CHART_TEXT} fill="currentColor" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
  return stage((design) => (
    <div
      className={`wall wall-${params.theme} wall-${design.name}${mapShown ? '' : ' wall-no-map'}`}
      data-rotations={position.ticks}
    >
      <header className="wall-top">
        <span className="wall-title">{strings.wall.title}</span>
        {scope?.kind === 'grid' && <span className="wall-parent">{scope.scopeName}</span>}
        <span className="wall-scope" data-testid="wall-scope">
          {item?.name ?? '…'}
        </span>
        <span className="wall-metric">{strings.metrics[metric]}</span>
        {staleSince && (
          <span className="wall-stale" data-testid="wall-stale">
            {strings.wall.staleSince} {time(staleSince)}
          </span>
        )}
        <span className="wall-updated">
          {lastUpdate ? `${strings.wall.updated} ${time(lastUpdate)}` : strings.loading}
        </span>
        <span className="wall-clock" data-testid="wall-clock">
          {now.toLocaleTimeString(language, {
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            timeZone: timeZone(),
          })}
        </span>
      </header>
      <main className="wall-body">
        <section className="wall-kpis">
          {(itemData?.summary ?? []).map((k) => (
            <WallKpi key={k.metric} metric={k.metric} value={k.value} tooFewCases={k.tooFewCases} />
          ))}
        </section>
        {mapShown ? (
          <section className="wall-map">
            {scope && (
              <GridMap
                communityCode={scope.communityCode}
                gridCode={null}
                metric={metric}
                period={period}
                basemap="none"
                config={null}
                onSelect={() => undefined}
                highlightCode={item?.code ?? null}
                onlyCodes={onlyCodes}
                palette={params.theme === 'dark' ? PALETTES.wallDark : PALETTES.wallLight}
                namesShown
              />
            )}
          </section>
        ) : (
          rankingChart
        )}
        <section className="wall-charts">
          <div className="wall-chart" data-testid="chart-wall-monthly">
            <h2>{strings.wall.monthly}</h2>
            <ResponsiveContainer width="100%" height="85%">
              <BarChart data={monthly}>
                <XAxis dataKey="month" tick={{ fontSize: CHART_TEXT, fill: 'currentColor' }} interval={1} />
                <YAxis tick={{ fontSize: CHART_TEXT, fill: 'currentColor' }} width={60} />
                <Bar dataKey="reported" fill="#5b8def" isAnimationActive={false} />
                <Bar dataKey="closed" fill="#3ecf8e" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {mapShown && rankingChart}
        </section>
      </main>
      <footer className="wall-ticker" data-testid="wall-ticker">
        <span className="wall-ticker-title">{strings.wall.latest}</span>
        {[...(latest ?? [])]
          .sort((a, b) => b.node.reportedAt.localeCompare(a.node.reportedAt))
          .filter(({ node }) => !onlyCodes || onlyCodes.includes(node.community.code))
          .slice(0, TICKER_ITEMS[design.name])
          .map(({ node }) => (
            <span key={node.code} className="wall-ticker-item">
              {reported(new Date(node.reportedAt))} {node.grid.name} {strings.categories[node.category as CaseCategory]}
            </span>
          ))}
      </footer>
    </div>
  ));
}
