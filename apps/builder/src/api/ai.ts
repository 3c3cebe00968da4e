import { PreviewSummaryAnswer, type PreviewSummaryRequest } from '@flowdesk/contract';
import type { ApiClient } from './client';

export const aiApi = {
  /** The summary (and AI priority) a live handoff would write for this transcript; the runtime stores nothing. */
  previewSummary: (api: ApiClient, body: PreviewSummaryRequest) =>
    api.post('/api/admin/ai/preview-summary', PreviewSummaryAnswer, body),
};
