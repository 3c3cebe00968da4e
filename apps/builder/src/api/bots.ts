import { BotAnswer, BotsAnswer, type PatchBotRequest } from '@flowdesk/contract';
import type { ApiClient } from './client';

const base = '/api/admin/bots';

export const botsApi = {
  list: (api: ApiClient) => api.get(base, BotsAnswer),
  get: (api: ApiClient, id: string) => api.get(`${base}/${encodeURIComponent(id)}`, BotAnswer),
  update: (api: ApiClient, id: string, patch: PatchBotRequest) =>
    api.patch(`${base}/${encodeURIComponent(id)}`, BotAnswer, patch),
};
