import type { MiddlewareHandler } from 'hono';
import { badRequest } from '../errors';

/** Deepest nesting of arrays and objects a JSON body may have (flows nest about 8 deep). */
export const MAX_JSON_DEPTH = 64;

/** Deepest `[`/`{` nesting of a JSON text, strings skipped; linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if (char === 93 || char === 125) depth--;
  }
  return deepest;
}

/**
 * Refuses JSON bodies nested deeper than MAX_JSON_DEPTH with a 400, for every route, before any handler
 * parses them: JSON.parse copes, but recursive code after it (zod, JSON.stringify, the engine) ran out of
 * stack on a 5,000-deep array and answered 500. The text read here is what the route's validator parses.
 */
export function boundJsonDepth(): MiddlewareHandler {
  return async (c, next) => {
    if (!/json/i.test(c.req.header('content-type') ?? '')) return next();
    const depth = jsonDepth(await c.req.text());
    if (depth > MAX_JSON_DEPTH)
      throw badRequest(`The JSON body is nested ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted`);
    return next();
  };
}
