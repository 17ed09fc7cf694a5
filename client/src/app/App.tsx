import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useServerConfig, type BasemapName } from '../components/map/basemap';
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
  const period = useMemo(() => periodRange(route.period), [route.period, zone]);
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
        navigate={navigate}
        onBasemap={setBasemap}
        onSearch={(hit) => navigate({ screen: 'dashboard', communityCode: hit.communityCode, gridCode: hit.gridCode })}
      />
      <ErrorBoundary message={strings.crashed}>
        <Suspense fallback={<div className="screen-loading skeleton" aria-busy="true" />}>
          {route.screen === 'compare' ? (
            <CompareScreen codes={route.compared} period={period} onChange={(compared) => navigate({ compared })} />
          ) : (
            <Dashboard route={route} period={period} basemap={basemap} config={config} navigate={navigate} />
          )}
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
