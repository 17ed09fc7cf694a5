import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

// One chunk per area: the wall never downloads the dashboard's code, nor the dashboard the wall's.
// An admin area would be one more entry here.
const WallApp = lazy(() => import('./features/wall/WallApp').then((m) => ({ default: m.WallApp })));
const DashboardApp = lazy(() => import('./app/DashboardApp').then((m) => ({ default: m.DashboardApp })));

const Area = location.pathname.startsWith('/wall') ? WallApp : DashboardApp;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Area />
    </Suspense>
  </StrictMode>,
);
