import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServeStaticOptions, serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Config } from '../../../config';
import { sendError } from '../../errors';

/** apps/: the parent of the runtime package, found from this file in the sources or in the built dist/main.js. */
const appsDir = dirname(packageRoot(fileURLToPath(import.meta.url)));

function packageRoot(from: string): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function staticDirs(config: Pick<Config, 'BUILDER_DIST' | 'WIDGET_DIST'>) {
  return {
    builder: resolve(config.BUILDER_DIST ?? join(appsDir, 'builder/dist')),
    widget: resolve(config.WIDGET_DIST ?? join(appsDir, 'widget/dist')),
  };
}

const notBuilt = (what: string) =>
  `The ${what} is not built. Run "npx -y pnpm@12.21.0 build" (or "pnpm start", which builds first).`;

/** The built dashboard at /app/* (single-page app: unknown paths get index.html) and the widget at /widget/*. */
export function staticRoutes(config: Pick<Config, 'BUILDER_DIST' | 'WIDGET_DIST'>) {
  const dirs = staticDirs(config);
  const router = new Hono();
  const indexFile = join(dirs.builder, 'index.html');

  /** The files of `root` at `prefix`/*; `onFound` sets the headers of each file found. */
  const serveFiles = (prefix: '/widget' | '/app', root: string, onFound: ServeStaticOptions['onFound']) =>
    router.use(`${prefix}/*`, serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length), onFound }));

  router.get('/', (c) => c.redirect('/app/'));
  router.get('/app', (c) => c.redirect('/app/'));
  serveFiles('/widget', dirs.widget, (_path, c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
  });
  router.get('/widget/*', (c) =>
    sendError(c, 404, 'not_found', existsSync(dirs.widget) ? 'No such widget file' : notBuilt('widget')),
  );
  serveFiles('/app', dirs.builder, (path, c) => {
    // Hashed assets never change; index.html must be revalidated to pick up new builds.
    c.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  router.get('/app/*', (c) => {
    if (/\/assets\//.test(c.req.path)) return sendError(c, 404, 'not_found', 'No such asset');
    if (!existsSync(indexFile)) return sendError(c, 404, 'not_found', notBuilt('dashboard'));
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  return router;
}
