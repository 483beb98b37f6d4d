import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; the server serves web/dist and answers /api.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: process.env.VERITY_WEB_DIST ?? fileURLToPath(new URL('./web/dist', import.meta.url)), emptyOutDir: true },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
