/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { cataloguePlugin } from './scripts/cataloguePlugin.ts';

/**
 * The dev server injects CSS as inline <style> elements and its client as inline script, which
 * index.html's Content-Security-Policy forbids; builds keep the policy, the dev server drops it.
 */
function cspOnlyInBuilds(): Plugin {
  return {
    name: 'accord-csp-only-in-builds',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * The page's entry (main.ts) starts the title's data downloading, then imports the application
 * (boot.ts) dynamically, so its scripts were only requested once main.ts had arrived and run.
 * Listed in index.html as module preloads, they download (and compile) alongside main.ts, Phaser first.
 */
function preloadTheApplication(): Plugin {
  return {
    name: 'accord-preload-the-application',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || chunk.name !== 'main') return html;
        const boot = chunk.dynamicImports.map((f) => bundle[f]).find((c) => c?.type === 'chunk' && c.name === 'boot');
        if (!boot || boot.type !== 'chunk') return html;
        const files = new Set<string>();
        const visit = (file: string): void => {
          const c = bundle[file];
          if (!c || c.type !== 'chunk' || files.has(file)) return;
          files.add(file);
          c.imports.forEach(visit);
        };
        visit(boot.fileName);
        const order = [...files].sort((a, b) => Number(bundle[b]!.name === 'phaser') - Number(bundle[a]!.name === 'phaser'));
        return order
          .filter((f) => !html.includes(`/${f}"`))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * `vite build` makes the production page in dist/; `vite build --mode test` makes the test page in
 * dist-test/, the only build with the test hook (`window.__accordController`, see game.ts). The
 * end-to-end tests and the browser bench run against dist-test/; production has no way in.
 */
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [cspOnlyInBuilds(), preloadTheApplication(), cataloguePlugin(fileURLToPath(new URL('.', import.meta.url)))],
  build: {
    target: 'es2022',
    outDir: mode === 'test' ? 'dist-test' : 'dist',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The game, and the studio on its own page (the title screen never downloads the editor).
      input: { main: 'index.html', studio: 'studio.html' },
      output: {
        // Phaser does not tree-shake; its own chunk keeps app changes from busting its cache.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  // Workers as ES modules, so a worker can load part of itself later: the file checker refuses an
  // absurd file with a small first stage and loads the full checker only when needed.
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Limits for a machine under heavy load (load 20+ on 2 cores): waits end on their signal (a
    // server's "listening" line, a message), so a long limit costs nothing when things are fast.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
}));
