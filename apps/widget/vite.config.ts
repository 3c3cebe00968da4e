import { defineConfig } from 'vite';

/**
 * Two classic scripts (IIFE), built one after the other (`--mode loader`, `--mode chat`): the loader
 * that a page includes with one script tag, and the chat panel it injects on first open.
 */
export default defineConfig(({ mode }) => {
  const entry = mode === 'chat' ? 'chat' : 'loader';
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: entry === 'loader',
      target: 'es2020',
      minify: true,
      reportCompressedSize: true,
      lib: {
        entry: `src/${entry}.ts`,
        formats: ['iife'],
        name: entry === 'chat' ? 'FlowdeskChat' : 'FlowdeskLoader',
        fileName: () => `${entry}.js`,
      },
    },
  };
});
