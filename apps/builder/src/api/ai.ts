import {
  PreviewIntentAnswer,
  type PreviewIntentRequest,
  PreviewSummaryAnswer,
  type PreviewSummaryRequest,
} from '@flowdesk/contract';
import type { ApiClient } from './client';

export const aiApi = {
  /** The summary (and AI priority) a live handoff would write for this transcript; the runtime stores nothing. */
  previewSummary: (api: ApiClient, body: PreviewSummaryRequest) =>
    api.post('/api/admin/ai/preview-summary', PreviewSummaryAnswer, body),
  /** The intent a live chat would match for this message, by the workspace's provider; the runtime stores nothing. */
  previewIntent: (api: ApiClient, body: PreviewIntentRequest) =>
    api.post('/api/admin/ai/preview-intent', PreviewIntentAnswer, body),
};
