import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const API = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

/** The web application: built into web/dist, served by the Kinerja server (src/server). */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the first page must stay small; the report lists every chunk with its gzipped size
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on `npm start`. The
    // server answers only its own Host and takes changes only from its own origins
    // (src/server/hosts.ts): the proxy sends both as the API's.
    proxy: {
      '/api': {
        target: API,
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (req) => req.getHeader('origin') !== undefined && req.setHeader('origin', API)),
      },
    },
    fs: { allow: [repoRoot] },
  },
});
