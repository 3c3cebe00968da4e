import { Hono } from 'hono';
import { html, raw } from 'hono/html';

interface OperationLike {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiDocumentLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, OperationLike> | undefined>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `/openapi.json` and a self-contained `/docs` page (no CDN) listing every documented route. */
export function docsRoutes(getDocument: () => object) {
  const router = new Hono();
  router.get('/openapi.json', (c) => c.json(getDocument()));
  router.get('/docs', (c) => c.html(renderDocs(getDocument() as OpenApiDocumentLike)));
  return router;
}

export function renderDocs(document: OpenApiDocumentLike) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ path, method, operation, tag: operation.tags?.[0] ?? 'Other' }] : [];
    }),
  );
  const tags = [...new Set(operations.map((entry) => entry.tag))].sort();
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${document.info.title} API</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><h1>${document.info.title} API <small>v${document.info.version}</small></h1>
<p>Machine-readable document: <a href="/openapi.json">/openapi.json</a>. Errors are always
<code>{"error":{"code","message","details"}}</code>.</p>
<p>Realtime: WebSocket <code>/ws</code> (widget: <code>?visitorToken=…</code>; dashboard: session cookie). Send
<code>{"type":"subscribe","conversationId","afterSeq"}</code> to receive every message after <code>afterSeq</code>
exactly once and in order, then live; also <code>typing</code>, <code>unsubscribe</code> and <code>ping</code>.
The server sends <code>ready</code>, <code>message</code>, <code>typing</code>, <code>conversation</code>,
<code>presence</code>, <code>mention</code> (dashboard only: you were @mentioned in a note), <code>error</code> and <code>pong</code> frames.</p></header>
<main>
${tags.map(
  (tag) => html`<section><h2>${tag}</h2>
${operations
  .filter((entry) => entry.tag === tag)
  .map(
    ({ path, method, operation }) => html`<details><summary><span class="m ${method}">${method.toUpperCase()}</span>
<code>${path}</code> <span class="s">${operation.summary ?? ''}</span></summary>
${operation.description ? html`<p>${operation.description}</p>` : ''}
<ul>${Object.entries(operation.responses ?? {}).map(
      ([status, response]) => html`<li><b>${status}</b> ${response.description ?? ''}</li>`,
    )}</ul></details>`,
  )}</section>`,
)}
</main>
</body>
</html>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2430;background:#f7f8fa}
header,main{max-width:960px;margin:auto;padding:16px 24px}h1 small{color:#778;font-weight:400;font-size:60%}
section{margin-bottom:24px}details{background:#fff;border:1px solid #e3e5ea;border-radius:8px;margin:6px 0;padding:8px 12px}
summary{cursor:pointer}.m{display:inline-block;min-width:60px;font:700 12px monospace;padding:2px 6px;border-radius:4px;color:#fff;text-align:center}
.get{background:#2f7de1}.post{background:#1c9c5b}.put,.patch{background:#c98a12}.delete{background:#cf3c3c}.s{color:#556}`;
