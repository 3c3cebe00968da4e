/** Matches a route pattern like `/flows/:flowId` against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = split(pattern);
  const pathParts = split(path);
  const wildcard = patternParts.at(-1) === '*';
  if (wildcard) patternParts.pop();
  if (wildcard ? pathParts.length < patternParts.length : pathParts.length !== patternParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

function split(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

/** Fills a pattern's params: `buildPath('/flows/:flowId', {flowId: 'a b'})` -> `/flows/a%20b`. */
export function buildPath(pattern: string, params: Record<string, string> = {}): string {
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** Strips the app's base (e.g. `/app/`) from a browser path. */
export function stripBase(pathname: string, base: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  if (trimmed && pathname.startsWith(trimmed)) return pathname.slice(trimmed.length) || '/';
  return pathname || '/';
}
