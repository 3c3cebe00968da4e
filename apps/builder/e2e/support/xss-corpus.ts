/**
 * Classic XSS payloads. Each one, if a page ever runs it, calls the tripwire `__xss(n)` (installed by
 * `xss-tripwire.ts` in every page and frame) instead of alert(), so the test knows exactly which one ran.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '"><iframe srcdoc="<script>parent.__xss(4)</script>">',
  'javascript:__xss(5)',
  '[click me](javascript:__xss(6))',
  '<a href="javascript:__xss(7)">click</a>',
  "' onmouseover='__xss(8)' x='",
  '" autofocus onfocus="__xss(9)',
  "{{constructor.constructor('__xss(10)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${__xss(11)}',
  '<details open ontoggle=__xss(12)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(13)>',
  '<body onload=__xss(14)>',
  '<input autofocus onfocus=__xss(15)>',
  '<object data="javascript:__xss(16)"></object>',
  '\u202E<img src=x onerror=__xss(17)>\u202C',
  '<scr<script>ipt>__xss(18)</scr</script>ipt>',
  '&lt;img src=x onerror=__xss(19)&gt;',
  '</textarea></title><script>__xss(20)</script>',
  '<video><source onerror=__xss(21)></video>',
  '<a href="&#106;avascript:__xss(22)">entity link</a>',
];

/** The n-th payload (1-based, as its tripwire number), e.g. for single-line fields. */
export function payload(n: number): string {
  const value = XSS_PAYLOADS[(n - 1) % XSS_PAYLOADS.length];
  if (value === undefined) throw new Error(`no payload ${n}`);
  return value;
}

/** A payload-bearing value short enough for a field of `max` characters (names, labels). */
export function labelled(prefix: string, n: number, max = 100): string {
  return `${prefix} ${payload(n)}`.slice(0, max);
}

/**
 * A script literal safe inside an inline <script> of a host page: JSON with `<` escaped, so a payload's
 * `</script>` cannot end the host page's own script early, and the tripwire's name escaped, so the test's
 * own script is not mistaken for an injected one.
 */
export function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/__xss/g, '\\u005f_xss');
}
