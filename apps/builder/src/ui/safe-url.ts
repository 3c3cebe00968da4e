/**
 * A URL from a flow or a message, fit for an href or src: http(s), mailto, or relative to the dashboard.
 * Anything else (javascript:, data:, vbscript:) gives null, the same rule as the widget's `safeUrl`, so a
 * flow author's URL cannot become script in an agent's browser (React only guards javascript: hrefs).
 */
export function safeUrl(url: string): string | null {
  try {
    // Any base works: only the scheme matters, and relative URLs keep the page's.
    const parsed = new URL(url, 'https://relative.invalid/');
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? url : null;
  } catch {
    return null;
  }
}
