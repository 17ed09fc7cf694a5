import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { basemapsOffered, useServerConfig, type BasemapName } from '../components/map/basemap';
import { useStrings } from '../i18n/LanguageProvider';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Header } from './Header';
import { DEFAULT_TIME_ZONE } from '../../../shared/time/buckets';
import { periodRange } from '../../../shared/time/period-presets';
import { useRoute } from './route';
import { VIEWER } from './queries';
import { useSignInWhen } from '../components/session';

// Each screen is its own chunk: the compare screen's code loads when it is opened.
const Dashboard = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })));
const CompareScreen = lazy(() =>
  import('../features/compare/CompareScreen').then((m) => ({ default: m.CompareScreen })),
);
const MonthlyReport = lazy(() => import('./MonthlyReport').then((m) => ({ default: m.MonthlyReport })));
const CaseScreen = lazy(() => import('../features/cases/CaseScreen').then((m) => ({ default: m.CaseScreen })));

export function App() {
  const { strings } = useStrings();
  const { route, navigate } = useRoute();
  const config = useServerConfig();
  const [chosenBasemap, setBasemap] = useState<BasemapName | null>(null);
  const basemap = chosenBasemap ?? config?.basemap ?? 'none';
  // Again if the server counts in another zone than the default: the shared calendar's zone is module state, set
  // from /config.json. Not again when it is the same zone, which would ask every query again for a new "now".
  const zone = config?.timeZone ?? DEFAULT_TIME_ZONE;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const range = useMemo(() => periodRange(route.period, new Date(), route.days), [route.period, route.days, zone]);
  // The queries' variables: from and to only.
  const period = useMemo(() => ({ from: range.from, to: range.to }), [range]);
  const viewer = useQuery(VIEWER).data?.viewer ?? null;
  const mustSignIn = viewer?.role === 'PUBLIC' && !viewer.publicDashboard;
  useSignInWhen(mustSignIn);
  if (mustSignIn) return null;
  return (
    <div className="app">
      <Header
        viewer={viewer}
        route={route}
        basemap={basemap}
        basemaps={basemapsOffered(config)}
        navigate={navigate}
        onBasemap={setBasemap}
        onSearch={(hit) =>
          navigate({
            screen: 'dashboard',
            communityCode: hit.communityCode,
            gridCode: hit.gridCode,
            building: hit.kind === 'BUILDING' ? hit.code : null,
          })
        }
      />
      <ErrorBoundary message={strings.crashed}>
        <Suspense fallback={<div className="screen-loading skeleton" aria-busy="true" />}>
          {route.screen === 'compare' ? (
            <CompareScreen
              communityCodes={route.compared}
              gridCodes={route.comparedGrids}
              period={period}
              onChange={(compared, comparedGrids) => navigate({ compared, comparedGrids })}
            />
          ) : route.screen === 'report' ? (
            <MonthlyReport route={route} zone={zone} navigate={navigate} />
          ) : route.screen === 'case' ? (
            <CaseScreen
              caseCode={route.caseCode ?? ''}
              basemap={basemap}
              config={config}
              onPlace={(communityCode, gridCode) =>
                navigate({ screen: 'dashboard', communityCode, gridCode, caseCode: null })
              }
            />
          ) : (
            <Dashboard
              route={route}
              period={period}
              partial={range.partial}
              basemap={basemap}
              config={config}
              navigate={navigate}
            />
          )}
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
