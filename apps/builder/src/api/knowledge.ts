import { KnowledgePreviewAnswer, type KnowledgePreviewAnswerRequest, KnowledgeSourceList } from '@flowdesk/contract';
import type { ApiClient } from './client';

export const knowledgeApi = {
  /** The workspace's knowledge sources, with their indexing state (admins only). */
  list: (api: ApiClient) => api.get('/api/admin/knowledge', KnowledgeSourceList),
  /** What an AI answer block would say from these sources, and the passages found (nothing is stored). */
  previewAnswer: (api: ApiClient, body: KnowledgePreviewAnswerRequest) =>
    api.post('/api/admin/knowledge/preview-answer', KnowledgePreviewAnswer, body),
};
