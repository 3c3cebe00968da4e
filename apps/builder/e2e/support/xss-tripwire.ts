import type { BrowserContext, Frame, Page } from 'playwright-core';

export interface Tripwire {
  /** Every payload that ran: its number and the frame it ran in. */
  hits: string[];
  /** alert/confirm/prompt dialogs any page opened. */
  dialogs: string[];
  /** Uncaught errors of the pages (a payload half-running would often throw). */
  pageErrors: string[];
  /** Registers a page opened in the context so its dialogs and errors are recorded. */
  watch(page: Page): Page;
}

/**
 * Installs `window.__xss(n)` in every page and frame of the context (present and future, any origin) and
 * records calls; payloads call it instead of alert(), so a single call fails the test.
 */
export async function armTripwire(context: BrowserContext): Promise<Tripwire> {
  const wire: Tripwire = {
    hits: [],
    dialogs: [],
    pageErrors: [],
    watch(page) {
      page.on('dialog', (dialog) => {
        wire.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => wire.pageErrors.push(error.message));
      return page;
    },
  };
  await context.exposeBinding('__xss', ({ frame }, n: unknown) => {
    wire.hits.push(`payload ${String(n)} ran in ${frame.url()}`);
  });
  context.on('page', (page) => wire.watch(page));
  return wire;
}

const URL_ATTRIBUTES = ['href', 'src', 'data', 'action', 'formaction', 'xlink:href', 'srcdoc'];

/**
 * Elements a payload would have created if it had been parsed as HTML, in one frame, through open shadow
 * roots: scripts or URL attributes carrying the tripwire, `on*` attributes carrying it, the payloads'
 * `img src=x`, and srcdoc frames that may run script. Text that merely shows the payload is not counted.
 */
export function payloadElements(frame: Frame): Promise<string[]> {
  return frame.evaluate((urlAttributes) => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss')) found.push(describe(el));
        if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push(describe(el));
        const sandbox = el.getAttribute('sandbox');
        if (
          el.tagName === 'IFRAME' &&
          el.hasAttribute('srcdoc') &&
          (sandbox === null || sandbox.includes('allow-scripts'))
        )
          found.push(describe(el));
        for (const attribute of Array.from(el.attributes)) {
          const name = attribute.name.toLowerCase();
          const risky = name.startsWith('on') || (urlAttributes.includes(name) && el.tagName !== 'IFRAME');
          if (risky && attribute.value.includes('__xss')) found.push(describe(el));
        }
      }
    };
    visit(document);
    return found;
  }, URL_ATTRIBUTES);
}

/** payloadElements over every frame of the page (sandboxed email frames included). */
export async function payloadElementsInPage(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    all.push(...(await payloadElements(frame).catch((error: Error) => [`frame ${frame.url()}: ${error.message}`])));
  }
  return all;
}
