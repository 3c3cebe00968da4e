import { uncheckedResponse } from '@flowdesk/contract';
import type { ApiClient } from './client';

export interface Bot {
  id: string;
  name: string;
  allowedOrigins: string[];
  settings: { theme?: { primaryColor?: string; position?: 'left' | 'right' }; strings?: Record<string, string> };
  flowId: string | null;
}

const base = '/api/admin/bots';

export const botsApi = {
  list: (api: ApiClient) => api.get(base, uncheckedResponse<{ bots: Bot[] }>()),
  get: (api: ApiClient, id: string) => api.get(`${base}/${encodeURIComponent(id)}`, uncheckedResponse<{ bot: Bot }>()),
  update: (api: ApiClient, id: string, patch: Partial<Pick<Bot, 'name' | 'allowedOrigins' | 'settings'>>) =>
    api.patch(`${base}/${encodeURIComponent(id)}`, uncheckedResponse<{ bot: Bot }>(), patch),
};
