import { uncheckedResponse } from '@flowdesk/contract';
import { api } from '../api/api';

/** `GET /api/admin/ai`: which AI provider the runtime uses. */
export interface AiStatus {
  provider: 'openai' | 'offline';
  model: string | null;
}

export const aiApi = { status: () => api.get('/api/admin/ai', uncheckedResponse<AiStatus>()) };
