import { KnowledgeSourceList } from '@flowdesk/contract';
import type { ApiClient } from './client';

export const knowledgeApi = {
  /** The workspace's knowledge sources, with their indexing state (admins only). */
  list: (api: ApiClient) => api.get('/api/admin/knowledge', KnowledgeSourceList),
};
