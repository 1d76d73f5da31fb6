// Vite build of the web UI (back office + the /scan handheld page). `npm run build:web` runs it through
// build.mjs, which first generates the typed API client from the OpenAPI document.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        // Vendor code changes rarely: separate chunks keep the app chunk small and cacheable.
        manualChunks(id) {
          if (id.includes('node_modules/@zxing')) return 'zxing';
          if (id.includes('node_modules/@mantine') || id.includes('node_modules/@floating-ui')) return 'mantine';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  // `npx vite web` for development: the API runs on :3000 (`npm start`).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
