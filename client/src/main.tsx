import { StrictMode, lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
// Chinese glyphs that ship with the product: a kiosk or a PC without Chinese fonts still reads every name.
import '@fontsource-variable/noto-sans-sc';
import './styles.css';

// One chunk per area: the wall never downloads the dashboard's code, nor the dashboard the wall's,
// and the login page downloads neither.
const WallApp = lazy(() => import('./features/wall/WallApp').then((m) => ({ default: m.WallApp })));
const LoginApp = lazy(() => import('./app/LoginApp').then((m) => ({ default: m.LoginApp })));
const AdminApp = lazy(() => import('./app/AdminApp').then((m) => ({ default: m.AdminApp })));
const DashboardApp = lazy(() => import('./app/DashboardApp').then((m) => ({ default: m.DashboardApp })));

const path = location.pathname;
const Area = path.startsWith('/wall')
  ? WallApp
  : path === '/login'
    ? LoginApp
    : path.startsWith('/admin')
      ? AdminApp
      : DashboardApp;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Area />
    </Suspense>
  </StrictMode>,
);
