import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the gateway at /ui/ from the module jar's public/ui folder; the designer (bpmn-js) is a
// separate chunk loaded on first use, so the first screen does not wait for it.
export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/public/ui',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // `npm run dev` against a gateway on FLOWGATE_URL (default :8080)
    proxy: Object.fromEntries(['/admin', '/api', '/auth', '/instances', '/health']
      .map((p) => [p, process.env.FLOWGATE_URL ?? 'http://127.0.0.1:8080'])),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{js,jsx}'],
  },
});
