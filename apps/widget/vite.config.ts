import { defineConfig, type Plugin } from 'vite';

/** Escapes non-ASCII characters so the scripts read the same whatever charset the host page declares. */
const asciiOnly: Plugin = {
  name: 'ascii-only',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk') {
        chunk.code = chunk.code.replace(
          /[\u0080-\uffff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        );
      }
    }
  },
};

/**
 * Two classic scripts (IIFE), built one after the other (`--mode loader`, `--mode chat`): the loader
 * that a page includes with one script tag, and the chat panel it injects on first open.
 */
export default defineConfig(({ mode }) => {
  const entry = mode === 'chat' ? 'chat' : 'loader';
  return {
    plugins: [asciiOnly],
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
