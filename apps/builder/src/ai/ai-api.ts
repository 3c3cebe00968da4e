import {
  AiSettings,
  AiStatus,
  TestAiConnectionAnswer,
  type TestAiConnectionRequest,
  type UpdateAiSettingsRequest,
} from '@flowdesk/contract';
import type { ApiClient } from '../api/client';

const base = '/api/admin/ai';

/** The workspace's AI settings (admins); every answer is checked against its contract shape by the client. */
export const aiApi = {
  /** Which provider answers right now, and its model. */
  status: (api: ApiClient) => api.get(base, AiStatus),
  /** The saved settings: never the key itself, only whether one is set and its last four characters. */
  settings: (api: ApiClient) => api.get(`${base}/settings`, AiSettings),
  /** Saves and applies at once; `apiKey` omitted keeps the saved key, `offline` deletes it. */
  save: (api: ApiClient, body: UpdateAiSettingsRequest) => api.put(`${base}/settings`, AiSettings, body),
  /** One small call with these settings (the saved key when `apiKey` is omitted); a refusal is `ok: false`. */
  testConnection: (api: ApiClient, body: TestAiConnectionRequest) =>
    api.post(`${base}/test-connection`, TestAiConnectionAnswer, body),
};
