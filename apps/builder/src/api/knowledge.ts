import {
  type CreateKnowledgeSourceRequest,
  KnowledgePreviewAgentTurn,
  type KnowledgePreviewAgentTurnRequest,
  KnowledgePreviewAnswer,
  type KnowledgePreviewAnswerRequest,
  KnowledgeSource,
  KnowledgeSourceContent,
  KnowledgeSourceDeleted,
  KnowledgeSourceList,
  type UpdateKnowledgeSourceRequest,
} from '@flowdesk/contract';
import type { ApiClient } from './client';

const base = '/api/admin/knowledge';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Where an upload goes: the file's name (its type is read from the extension) and an optional title. */
export function uploadPath(name: string, title?: string): string {
  const query = new URLSearchParams({ name });
  if (title?.trim()) query.set('title', title.trim());
  return `${base}/files?${query.toString()}`;
}

export const knowledgeApi = {
  /** The workspace's knowledge sources, with their indexing state (admins only). */
  list: (api: ApiClient) => api.get(base, KnowledgeSourceList),
  /** One source, to follow its indexing progress. */
  get: (api: ApiClient, id: string) => api.get(one(id), KnowledgeSource),
  /** Adds Q&A pairs, a text or a web page/site; indexing starts in the background. */
  create: (api: ApiClient, body: CreateKnowledgeSourceRequest) => api.post(base, KnowledgeSource, body),
  /** What a Q&A, text or web source holds, to edit it. */
  content: (api: ApiClient, id: string) => api.get(`${one(id)}/content`, KnowledgeSourceContent),
  /** Saves a Q&A, text or web source's new content (its kind stays); it is indexed again. */
  update: (api: ApiClient, id: string, body: UpdateKnowledgeSourceRequest) => api.put(one(id), KnowledgeSource, body),
  /** Uploads a file's bytes (PDF, DOCX, Markdown, HTML, TXT; at most 10 MB) as a source named after it. */
  upload: (api: ApiClient, file: Blob, name: string, title?: string) =>
    api.post(uploadPath(name, title), KnowledgeSource, file),
  /** Indexes the source again; its old passages stay searchable until the new ones replace them. */
  reindex: (api: ApiClient, id: string) => api.post(`${one(id)}/reindex`, KnowledgeSource),
  /** Deletes the source and its passages. */
  remove: (api: ApiClient, id: string) => api.delete(one(id), KnowledgeSourceDeleted),
  /** What an AI answer block would say from these sources, and the passages found (nothing is stored). */
  previewAnswer: (api: ApiClient, body: KnowledgePreviewAnswerRequest) =>
    api.post('/api/admin/knowledge/preview-answer', KnowledgePreviewAnswer, body),
  /** What an AI agent block would say next in this chat, and the passages found (nothing is stored). */
  previewAgentTurn: (api: ApiClient, body: KnowledgePreviewAgentTurnRequest) =>
    api.post('/api/admin/knowledge/preview-agent-turn', KnowledgePreviewAgentTurn, body),
};
