import {
  type CreateFlowRequest,
  FlowAnswer,
  FlowsAnswer,
  FlowVersionAnswer,
  FlowVersionsAnswer,
  type MakeLiveRequest,
  NoContent,
  PublishAnswer,
  type PublishFlowRequest,
  PublishOutcome,
  RollbackAnswer,
  type SaveDraftRequest,
  ValidateFlowAnswer,
} from '@flowdesk/contract';
import type { FlowDocument } from '@flowdesk/flow-schema';
import type { ApiClient } from './client';

/** Admin flows API of the runtime (apps/runtime/src/flows); shapes from @flowdesk/contract. */
const base = '/api/admin/flows';
const flowPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const flowsApi = {
  list: (api: ApiClient) => api.get(base, FlowsAnswer),
  get: (api: ApiClient, id: string) => api.get(flowPath(id), FlowAnswer),
  create: (api: ApiClient, input: CreateFlowRequest) => api.post(base, FlowAnswer, input),
  /** Saves the draft over the one saved at `baseUpdatedAt`: when someone saved since, 409 instead of overwriting. */
  saveDraft: (api: ApiClient, id: string, draft: FlowDocument, baseUpdatedAt?: string) => {
    const body: SaveDraftRequest = { draft, name: draft.name.trim() || undefined, baseUpdatedAt };
    return api.put(`${flowPath(id)}/draft`, FlowAnswer, body);
  },
  remove: (api: ApiClient, id: string) => api.delete(flowPath(id), NoContent),
  validate: (api: ApiClient, id: string) => api.post(`${flowPath(id)}/validate`, ValidateFlowAnswer),
  /** Publishes the draft; `makeLive` where another flow is live needs `replacesFlowId` (else 409). */
  publish: (api: ApiClient, id: string, request: PublishFlowRequest) =>
    api.post(`${flowPath(id)}/publish`, PublishAnswer, request),
  /** Makes a published flow its bot's live flow (no new version); replacing another needs its id. */
  makeLive: (api: ApiClient, id: string, request: MakeLiveRequest) =>
    api.post(`${flowPath(id)}/live`, PublishOutcome, request),
  versions: (api: ApiClient, id: string) => api.get(`${flowPath(id)}/versions`, FlowVersionsAnswer),
  version: (api: ApiClient, id: string, number: number) =>
    api.get(`${flowPath(id)}/versions/${number}`, FlowVersionAnswer),
  /** Republishes the version as the newest one and restores it as the draft. */
  rollback: (api: ApiClient, id: string, number: number) =>
    api.post(`${flowPath(id)}/rollback`, RollbackAnswer, { version: number }),
};
