import { AiStatus } from '@flowdesk/contract';
import { api } from '../api/api';

/** `GET /api/admin/ai`: which AI provider the runtime uses. */
export const aiApi = { status: () => api.get('/api/admin/ai', AiStatus) };
