import { uncheckedResponse } from '@flowdesk/contract';
import type { ApiClient } from './client';

export type PreviewPriority = 'low' | 'medium' | 'high' | 'urgent';

export interface PreviewSummaryRequest {
  transcript: Array<{ author: 'visitor' | 'bot' | 'agent'; text: string }>;
  variables?: Record<string, string | number | boolean | null>;
  /** `ai`: the handoff block lets the AI decide the priority. */
  priorityMode?: 'ai' | 'fixed';
}

export interface PreviewSummaryAnswer {
  summary: string;
  priority: { priority: PreviewPriority; reason: string } | null;
  provider: 'openai' | 'offline';
}

/** Limits of POST /api/admin/ai/preview-summary. */
export const PREVIEW_SUMMARY_LIMITS = { lines: 200, chars: 20_000, lineChars: 4_000, variables: 100 } as const;

export const aiApi = {
  /** The summary (and AI priority) a live handoff would write for this transcript; the runtime stores nothing. */
  previewSummary: (api: ApiClient, body: PreviewSummaryRequest) =>
    api.post('/api/admin/ai/preview-summary', uncheckedResponse<PreviewSummaryAnswer>(), body),
};
