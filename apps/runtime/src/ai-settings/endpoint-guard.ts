import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from '../services/guarded-http';

/**
 * Why an AI endpoint an admin typed may not be used, or null when it may: like an HTTP block, it must not reach a
 * private address (the server's own network) unless HTTP_BLOCK_ALLOW_PRIVATE is set — which is also how a model
 * running beside the server (e.g. on localhost) is allowed. The environment's OPENAI_BASE_URL is not checked.
 */
export async function endpointProblem(baseUrl: string | null, allowPrivate: boolean): Promise<string | null> {
  if (!baseUrl || allowPrivate) return null;
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true, verbatim: true }).then(
        (found) => found.map((entry) => entry.address),
        () => null,
      );
  if (!addresses) return `The endpoint's host "${host}" could not be found`;
  if (addresses.some(isPrivateAddress))
    return `The endpoint "${host}" is a private address; the server allows those only with HTTP_BLOCK_ALLOW_PRIVATE`;
  return null;
}
