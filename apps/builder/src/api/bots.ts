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
  list: (api: ApiClient) => api.get<{ bots: Bot[] }>(base),
  get: (api: ApiClient, id: string) => api.get<{ bot: Bot }>(`${base}/${encodeURIComponent(id)}`),
  update: (api: ApiClient, id: string, patch: Partial<Pick<Bot, 'name' | 'allowedOrigins' | 'settings'>>) =>
    api.patch<{ bot: Bot }>(`${base}/${encodeURIComponent(id)}`, patch),
};
