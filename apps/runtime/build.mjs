// `pnpm build` for the runtime: one ESM bundle, dist/main.js, run with `node --enable-source-maps dist/main.js`.
// The workspace packages (engine, flow-schema, contract, widget snippet) and what they import are bundled; the
// runtime's own npm dependencies stay in node_modules (native addons, WebAssembly, files read at run time).
// Migrations are loaded from a folder by name, so each is compiled to dist/migrations/; PGlite's worker and the
// probes port's worker are files their threads load, so they are copied beside main.js.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const here = new URL('./', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@flowdesk/'));
// FLOWDESK_RUNTIME_OUT (a folder inside this package) lets a test build beside the real dist/.
const out = process.env.FLOWDESK_RUNTIME_OUT ?? 'dist';
const dist = new URL(`${out}/`, here);
rmSync(dist, { recursive: true, force: true });

const common = {
  absWorkingDir: new URL('.', here).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  jsx: 'automatic',
  logLevel: 'warning',
  // Bundled CommonJS (a dependency of a workspace package) may call require(): give the module one.
  banner: {
    js: "import { createRequire as __flowdeskRequire } from 'node:module'; const require = __flowdeskRequire(import.meta.url);",
  },
};
await build({ ...common, entryPoints: ['src/main.ts'], outfile: `${out}/main.js` });
const migrations = readdirSync(new URL('src/db/migrations/', here)).filter((file) => /^\d{4}_[\w-]+\.ts$/.test(file));
await build({
  ...common,
  entryPoints: migrations.map((file) => `src/db/migrations/${file}`),
  outdir: `${out}/migrations`,
});
mkdirSync(dist, { recursive: true });
copyFileSync(new URL('src/db/pglite-worker.mjs', here), new URL('pglite-worker.mjs', dist));
copyFileSync(new URL('src/http/health-worker.mjs', here), new URL('health-worker.mjs', dist));
console.log(`runtime built: ${out}/main.js, ${migrations.length} migrations, pglite-worker.mjs, health-worker.mjs`);
