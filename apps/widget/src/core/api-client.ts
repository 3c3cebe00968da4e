import type {
  ApiError,
  ContinueConversationResponse,
  CsatState,
  MessagesPage,
  SendMessageRequest,
  SendMessageResponse,
  StartSessionRequest,
  StartSessionResponse,
  VisitorConversation,
} from '@flowdesk/contract';
import type { Variables, VisitorIdentity } from '../types';

const PREFIX = '/api/public';
/** WIDGET_CLIENT_HEADER / WIDGET_CLIENT of @flowdesk/contract (a literal: the bundle carries no zod): channel `widget`. */
const CLIENT_HEADER = { 'x-flowdesk-client': 'widget' };

/** status 0 means the request never got an answer (offline, DNS, CORS, timeout). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface PublicApi {
  startSession(body: StartSessionRequest): Promise<StartSessionResponse>;
  sendMessage(conversationId: string, body: SendMessageRequest): Promise<SendMessageResponse>;
  messagesAfter(conversationId: string, afterSeq: number, limit?: number): Promise<MessagesPage>;
  contact(conversationId: string, body: { email: string; name?: string }): Promise<unknown>;
  updateVisitor(body: { visitor?: VisitorIdentity; variables?: Variables }): Promise<unknown>;
  newConversation(): Promise<{ conversation: VisitorConversation }>;
  continueConversation(token: string): Promise<ContinueConversationResponse>;
  csat(conversationId: string): Promise<CsatState>;
  rate(conversationId: string, body: { score: number }): Promise<CsatState>;
  csatComment(conversationId: string, body: { comment: string }): Promise<CsatState>;
}

export function createPublicApi(
  runtimeUrl: string,
  botId: string,
  token: () => string | null,
  timeoutMs = 15_000,
): PublicApi {
  const base = runtimeUrl.replace(/\/+$/, '') + PREFIX;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...CLIENT_HEADER };
    const visitorToken = token();
    if (visitorToken) headers.authorization = `Bearer ${visitorToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    // AbortSignal.timeout() is missing before Safari 16.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal,
      });
    } catch (error) {
      throw new ApiFailure(0, 'network', String(error));
    } finally {
      clearTimeout(timer);
    }
    const data = (await response.json().catch(() => null)) as T | ApiError | null;
    if (!response.ok) {
      const err = (data as ApiError | null)?.error;
      throw new ApiFailure(response.status, err?.code ?? 'http_error', err?.message ?? response.statusText);
    }
    return data as T;
  }

  const conv = (id: string) => `/conversations/${encodeURIComponent(id)}`;
  return {
    startSession: (body) => call('POST', `/bots/${encodeURIComponent(botId)}/sessions`, body),
    sendMessage: (id, body) => call('POST', `${conv(id)}/messages`, body),
    messagesAfter: (id, after, limit = 200) => call('GET', `${conv(id)}/messages?after=${after}&limit=${limit}`),
    contact: (id, body) => call('POST', `${conv(id)}/contact`, body),
    updateVisitor: (body) => call('PATCH', '/visitor', body),
    newConversation: () => call('POST', '/conversations', {}),
    continueConversation: (token) => call('POST', `/bots/${encodeURIComponent(botId)}/continue`, { token }),
    csat: (id) => call('GET', `${conv(id)}/csat`),
    rate: (id, body) => call('POST', `${conv(id)}/csat`, body),
    csatComment: (id, body) => call('POST', `${conv(id)}/csat/comment`, body),
  };
}
