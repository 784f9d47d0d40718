import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/ and is built into web/dist, which the Fastify server serves.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.MOTCUA_API_URL ?? 'http://localhost:3000';
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/health': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Every import of 'zod' gets it already in jitless mode (src/zod-jitless.ts): the CSP forbids eval.
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url)) }] },
  // Every script, style and preload tag of index.html carries this placeholder as its nonce, and a
  // <meta property="csp-nonce"> tells Vite's loader and Ant Design the value; the server puts a fresh
  // nonce in its place on each page (src/platform/http/web-app.ts, CSP_NONCE_PLACEHOLDER).
  html: { cspNonce: '__MOTCUA_CSP_NONCE__' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large chunk by nature; pages are split by route with React.lazy.
    chunkSizeWarningLimit: 1600,
    // Fonts are bundled as files (never inlined, never fetched from a CDN).
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
});
