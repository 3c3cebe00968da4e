import type { MakeLiveRequest, PublishFlowRequest, PublishOutcome } from '@flowdesk/contract';
import { uncheckedResponse } from '@flowdesk/contract';
import type { FlowDocument, FlowDocumentInput } from '@flowdesk/flow-schema';
import type { ApiClient } from './client';

/** Admin flows API of the runtime (apps/runtime/src/http/routes/admin). */
export interface FlowSummary {
  id: string;
  botId: string;
  name: string;
  updatedAt: string;
  updatedBy?: string | null;
  latestVersion?: number | null;
}

export interface FlowRecord extends FlowSummary {
  draft: FlowDocumentInput;
  /** This flow is the one its bot runs. */
  live: boolean;
}

export interface FlowVersion {
  id: string;
  number: number;
  note: string | null;
  publishedBy: string | null;
  publishedByName?: string | null;
  createdAt: string;
  document?: FlowDocumentInput;
}

export interface ProblemDto {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  blockId?: string;
  edgeId?: string;
}

const base = '/api/admin/flows';
const flowPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const flowsApi = {
  list: (api: ApiClient) => api.get(base, uncheckedResponse<{ flows: FlowSummary[] }>()),
  get: (api: ApiClient, id: string) => api.get(flowPath(id), uncheckedResponse<{ flow: FlowRecord }>()),
  create: (api: ApiClient, input: { botId: string; name: string; draft: FlowDocumentInput }) =>
    api.post(base, uncheckedResponse<{ flow: FlowRecord }>(), input),
  saveDraft: (api: ApiClient, id: string, draft: FlowDocument) =>
    api.put(`${flowPath(id)}/draft`, uncheckedResponse<{ flow: FlowRecord }>(), {
      draft,
      name: draft.name.trim() || undefined,
    }),
  remove: (api: ApiClient, id: string) => api.delete(flowPath(id), uncheckedResponse<void>()),
  validate: (api: ApiClient, id: string) =>
    api.post(`${flowPath(id)}/validate`, uncheckedResponse<{ problems: ProblemDto[] }>()),
  /** Publishes the draft; `makeLive` where another flow is live needs `replacesFlowId` (else 409). */
  publish: (api: ApiClient, id: string, request: PublishFlowRequest) =>
    api.post(`${flowPath(id)}/publish`, uncheckedResponse<PublishOutcome & { version: FlowVersion }>(), request),
  /** Makes a published flow its bot's live flow (no new version); replacing another needs its id. */
  makeLive: (api: ApiClient, id: string, request: MakeLiveRequest) =>
    api.post(`${flowPath(id)}/live`, uncheckedResponse<PublishOutcome>(), request),
  versions: (api: ApiClient, id: string) =>
    api.get(`${flowPath(id)}/versions`, uncheckedResponse<{ versions: FlowVersion[] }>()),
  version: (api: ApiClient, id: string, number: number) =>
    api.get(`${flowPath(id)}/versions/${number}`, uncheckedResponse<{ version: FlowVersion }>()),
  /** Republishes the version as the newest one and restores it as the draft. */
  rollback: (api: ApiClient, id: string, number: number) =>
    api.post(`${flowPath(id)}/rollback`, uncheckedResponse<{ flow: FlowRecord; version: FlowVersion }>(), {
      version: number,
    }),
};
