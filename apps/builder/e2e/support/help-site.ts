import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A gate a slow page waits on; the test opens it once it has seen the crawl halfway. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

type Answer = { status: number; type: string; body: string };

const html = (title: string, body: string) =>
  `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/returns">Returns</a></nav><main>${body}</main></body></html>`;

/** A page found (200) with the site's navigation around `body`. */
const htmlPage = (title: string, body: string): Answer => ({ status: 200, type: 'text/html', body: html(title, body) });

/** A help site on loopback: four pages and a missing one in its sitemap; `/slow` answers once its gate opens. */
export async function startHelpSite() {
  let slow = gate();
  let origin = '';
  const pages: Record<string, () => Promise<Answer>> = {
    '/': async () => htmlPage('Acme help', '<h1>Acme help</h1><p>Find answers about orders.</p>'),
    '/returns': async () =>
      htmlPage(
        'Returns and refunds',
        '<h1>Returns</h1><p>Refunds are paid back to the original card within 5 business days after we receive the parcel.</p>',
      ),
    '/slow': async () => {
      await slow.opened;
      return htmlPage('Gift cards', '<p>Gift cards never expire.</p>');
    },
    '/shipping': async () => htmlPage('Shipping', '<p>Parcels arrive within three working days.</p>'),
    '/sitemap.xml': async () => ({
      status: 200,
      type: 'application/xml',
      body: `<?xml version="1.0"?><urlset>${['/', '/returns', '/slow', '/shipping', '/missing']
        .map((path) => `<url><loc>${origin}${path}</loc></url>`)
        .join('')}</urlset>`,
    }),
  };
  const server: Server = createServer((req, res) => {
    const route = pages[req.url ?? '/'];
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    void route().then((answer) => res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** Lets the slow page answer. */
    release: () => slow.open(),
    /** The next crawl waits on the slow page again. */
    hold: () => {
      slow = gate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        slow.open();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
