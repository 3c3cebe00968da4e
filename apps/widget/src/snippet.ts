import { SDK_METHODS } from './sdk/queue';

export interface SnippetOptions {
  botId: string;
  runtimeUrl: string;
  /** Extra keys of window.FlowdeskConfig (theme, position, greeting, variables, strings). */
  extra?: Record<string, unknown>;
}

/** JSON that is safe inside an inline <script> (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The embed code for a bot: the config object, a stub that queues SDK calls made before the loader
 * arrives (replayed by the loader), and the async loader script served by the runtime.
 */
export function embedSnippet({ botId, runtimeUrl, extra = {} }: SnippetOptions): string {
  const base = runtimeUrl.replace(/\/+$/, '');
  const config = scriptJson({ ...extra, botId, runtimeUrl: base });
  const methods = scriptJson(SDK_METHODS);
  const src = `${base}/widget/loader.js`.replace(/"/g, '&quot;');
  return `<script>
  window.FlowdeskConfig = ${config};
  (function (w) {
    var f = (w.Flowdesk = w.Flowdesk || { q: [] });
    f.q = f.q || [];
    ${methods}.forEach(function (m) {
      f[m] = f[m] || function () { f.q.push([m].concat([].slice.call(arguments))); };
    });
  })(window);
</script>
<script async src="${src}"></script>`;
}
