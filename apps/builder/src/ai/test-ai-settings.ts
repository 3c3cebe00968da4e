import type { AiSettings } from '@flowdesk/contract';

/** For unit tests: a workspace with no AI settings of its own runs the server's offline provider. */
export const SERVER_DEFAULT_AI: AiSettings = {
  source: 'server',
  provider: 'offline',
  keySet: false,
  keyHint: null,
  baseUrl: null,
  model: null,
  canStoreKeys: true,
  updatedAt: null,
};
