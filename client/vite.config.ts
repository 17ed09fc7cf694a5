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
    rolldownOptions: {
      input: { index: `${root}index.html`, graphiql: `${root}graphiql.html` },
      // Libraries in named chunks of their own: they change less often than our code, so they
      // stay cached across releases, and the map and the charts load only with the screens that draw them.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|@wry|optimism|rxjs|tslib|graphql-ws)[\\/]/ },
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|es-toolkit|decimal\.js-light)[\\/]/,
            },
            { name: 'map', test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/config.json': 'http://localhost:4000',
      '/basemap': 'http://localhost:4000',
      '/api': 'http://localhost:4000',
    },
  },
});
