import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Builds the dashboard when Vite is installed. A development install (npm install)
 * builds on every install; `npm start` builds only when the build is missing. A
 * production install (npm ci --omit=dev) has no Vite: it serves the build that the
 * release tarball ships (npm pack runs the build in prepack).
 */
const BUILT = new URL('../dist/index.html', import.meta.url).pathname;
const onlyIfMissing = process.argv.includes('--if-missing');

function viteInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('vite');
    return true;
  } catch {
    return false;
  }
}

if (onlyIfMissing && existsSync(BUILT)) process.exit(0);
if (!viteInstalled()) {
  if (!existsSync(BUILT)) {
    console.warn(
      'The dashboard is not built and Vite is not installed (a production install): GraphQL works, the dashboard does not. Install from the release tarball (npm pack), or run npm install and npm run build.',
    );
  }
  process.exit(0);
}
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
