/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands in target/classes/static so that Maven packs it into the jar under static/,
// where Spring Boot serves it at "/" (same origin as /api).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
