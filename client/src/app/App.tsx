import { useMemo, useState } from 'react';
import { CompareScreen } from '../features/compare/CompareScreen';
import { useServerConfig, type BasemapName } from '../components/map/basemap';
import { useLanguage } from '../i18n/useLanguage';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Dashboard } from './Dashboard';
import { Header } from './Header';
import { periodRange } from '../../../shared/time/period-presets';
import { useRoute } from './route';

export function App() {
  const { language, strings, toggle } = useLanguage();
  const { route, navigate } = useRoute();
  const config = useServerConfig();
  const [chosenBasemap, setBasemap] = useState<BasemapName | null>(null);
  const basemap = chosenBasemap ?? config?.basemap ?? 'none';
  const period = useMemo(() => periodRange(route.period), [route.period]);
  return (
    <div className="app">
      <Header route={route} strings={strings} basemap={basemap} navigate={navigate} onBasemap={setBasemap} onLanguage={toggle}
        onSearch={(hit) => navigate({ screen: 'dashboard', communityCode: hit.communityCode, gridCode: hit.gridCode })} />
      <ErrorBoundary message={strings.crashed}>
        {route.screen === 'compare'
          ? <CompareScreen codes={route.compared} period={period} language={language} strings={strings} onChange={(compared) => navigate({ compared })} />
          : <Dashboard route={route} period={period} basemap={basemap} config={config} language={language} strings={strings} navigate={navigate} />}
      </ErrorBoundary>
    </div>
  );
}
