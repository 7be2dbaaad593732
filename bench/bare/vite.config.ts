import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built only by the benchmarks, into bench/.out/bare (ignored by git).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../.out/bare', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
