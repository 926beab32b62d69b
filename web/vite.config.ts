import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The server serves dist/ with CSP `default-src 'self'`, so nothing may be
// inlined as a data: URI and the dev proxy forwards /api and /media to a local server.
export default defineConfig({
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': process.env.HALLWAY_API ?? 'http://127.0.0.1:8080',
      '/media': process.env.HALLWAY_API ?? 'http://127.0.0.1:8080',
    },
  },
});
