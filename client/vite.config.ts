import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  // The server sends each file's .br or .gz copy as it is: no compression at request time.
  plugins: [
    react(),
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, include: /\.(js|css|html|svg|json)$/ }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor is one large chunk, loaded only by the query page.
    chunkSizeWarningLimit: 800,
    // The dashboard and wall (index.html) and the query page (graphiql.html) share nothing but React.
    rolldownOptions: { input: { index: `${root}index.html`, graphiql: `${root}graphiql.html` } },
  },
  server: {
    proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/config.json': 'http://localhost:4000' },
  },
});
