import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedSnippet } from '../src/snippet';

/** Page CSS written to break any widget that relies on the host page's styles. */
export const HOSTILE_CSS = `
* { all: unset !important; }
button { display: none !important; }
div, span, p { color: red !important; font-size: 40px !important; font-family: serif !important; }
body { background: #fffbe6 !important; display: block !important; padding: 24px !important; }
h1 { display: block !important; font-size: 32px !important; }
head, script, style { display: none !important; }
`;

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

/**
 * A plain HTML site on its own origin (localhost vs the runtime's 127.0.0.1) carrying the README
 * snippet. `beforeLoad` is inline script run after the stub and before the loader (SDK calls to queue).
 */
export async function startHostPage(opts: {
  runtimeUrl: string;
  botId: string;
  beforeLoad?: string;
  config?: Record<string, unknown>;
}): Promise<HostPage> {
  const snippet = embedSnippet({ botId: opts.botId, runtimeUrl: opts.runtimeUrl, extra: opts.config });
  const [inline, loader] = snippet.split('\n<script async');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme shop</title><style>${HOSTILE_CSS}</style></head>
<body>
<h1>Acme shop</h1>
<p>A plain page with aggressive global CSS.</p>
<div id="host-box">Host content</div>
<button id="host-button">Host button</button>
${inline}
<script>${opts.beforeLoad ?? ''}</script>
<script async${loader}
</body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
