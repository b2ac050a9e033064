import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Vite build of the SPA: web/ → web/dist, served by the Hono server in production. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    // The API runs on its own port in development; the browser only ever talks to the Vite origin.
    proxy: { '/api': 'http://localhost:3000' },
    // core/ lives outside web/ and is imported by relative path.
    fs: { allow: [projectRoot] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // web/dist/.vite/manifest.json: scripts/web-budget.test.ts reads the chunk graph from it.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // echarts is only reached through a dynamic import, so its chunk loads on demand.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 30 },
            // antd is left to the bundler's own splitting: each page's chunk graph holds only the components
            // it imports, and the shell and the dashboard import none (web/src/page-resources.tsx). A fixed
            // antd group would put antd back into the dashboard's first load (scripts/web-budget.ts).
          ],
        },
      },
    },
  },
});
