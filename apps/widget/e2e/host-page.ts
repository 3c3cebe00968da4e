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

/** Half a second of a 440 Hz tone as 8-bit mono WAV. */
function wav(): Buffer {
  const rate = 8000;
  const samples = Buffer.from(
    Array.from({ length: rate / 2 }, (_, i) => 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate))),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** Media a flow can point its image/audio/file messages at. */
const MEDIA: Record<string, { type: string; body: string | Buffer }> = {
  '/media/plan.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#0ea5e9"/><text x="24" y="90" font-size="32" fill="#fff" font-family="sans-serif">Pro plan</text></svg>',
  },
  '/media/chime.wav': { type: 'audio/wav', body: wav() },
  '/media/terms.txt': { type: 'text/plain', body: 'Terms of service' },
};

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

export interface HostPageOptions {
  runtimeUrl: string;
  botId: string;
  beforeLoad?: string;
  config?: Record<string, unknown>;
  /** false: the same page without the snippet (a baseline for what the widget costs the page). */
  withWidget?: boolean;
  /** More HTML pages on the same origin, by path. */
  pages?: Record<string, string>;
}

/**
 * A plain HTML site on its own origin (localhost vs the runtime's 127.0.0.1) carrying the README
 * snippet. `beforeLoad` is inline script run after the stub and before the loader (SDK calls to queue).
 */
export async function startHostPage(opts: HostPageOptions): Promise<HostPage> {
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
${opts.withWidget === false ? '' : `${inline}\n<script>${opts.beforeLoad ?? ''}</script>\n<script async${loader}`}
</body></html>`;
  const server: Server = createServer((req, res) => {
    const media = req.url ? MEDIA[req.url] : undefined;
    const extra = req.url ? opts.pages?.[req.url] : undefined;
    if (extra) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra);
    } else if (media) {
      res.writeHead(200, { 'content-type': media.type, 'access-control-allow-origin': '*' });
      res.end(media.body);
    } else if (req.url === '/' || req.url?.startsWith('/?')) {
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
