/**
 * The one element the widget adds to the page. Its inline `!important` styles beat any page rule
 * (even `* { all: unset !important }` loses to an inline important declaration), and everything
 * else lives in its shadow root, which page CSS cannot select into.
 */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483000'],
  ['inset', 'auto 0 0 auto'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['contain', 'none'],
];

export function createHostElement(): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('flowdesk-widget');
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  return { host, root };
}

export function setHostVisible(host: HTMLElement, visible: boolean): void {
  host.style.setProperty('display', visible ? 'block' : 'none', 'important');
}
