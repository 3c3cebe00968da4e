/** "now", "4m", "2h 5m", "3d": how long since `since` (an ISO string), for waiting times and list rows. */
export function elapsedLabel(since: string | null | undefined, now: number = Date.now()): string {
  if (!since) return '';
  const start = Date.parse(since);
  if (Number.isNaN(start)) return '';
  const minutes = Math.floor(Math.max(0, now - start) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** Clock time of a message, e.g. "14:05"; with the date when it is not today. */
export function messageTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === now.toDateString()
    ? time
    : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/** Browser tokens in the order to test them: Edge, Opera and Samsung's say Chrome too, iOS browsers say Safari. */
const BROWSERS: Array<[name: string, version: RegExp]> = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Chrome', /(?:Chrom(?:e|ium)|CriOS)\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Safari', /Version\/(\d+).*Safari/],
];

/**
 * A readable browser name from a user agent, e.g. "Chrome 120 on macOS"; a client that is no browser is named by
 * its first product token ("curl 8.5.0", "node"), the whole agent being in the tooltip.
 */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown';
  const known = BROWSERS.map(([name, version]) => [name, version.exec(userAgent)?.[1]] as const).find(([, v]) => v);
  const browser = known
    ? `${known[0]} ${known[1]}`
    : (/^[^\s/]+(?:\/[^\s]+)?/.exec(userAgent.trim())?.[0].replace('/', ' ').slice(0, 40) ?? 'Unknown');
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}
