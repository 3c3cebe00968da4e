import {
  type AiSettings,
  type TestAiConnectionAnswer,
  TestAiConnectionRequest,
  UpdateAiSettingsRequest,
} from '@flowdesk/contract';

/** What the form edits. `apiKey` is only ever a new key typed by the admin: the saved one never comes back. */
export interface AiDraft {
  provider: 'offline' | 'openai';
  apiKey: string;
  baseUrl: string;
  model: string;
}

export type DraftField = 'apiKey' | 'baseUrl' | 'model';
export type FieldErrors = Partial<Record<DraftField, string>>;
export type Checked<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const OPENAI_ENDPOINT = 'https://api.openai.com/v1';
export const NO_KEY_MESSAGE = 'Enter an API key: none is saved for this workspace yet';
export const NO_SECRET_MESSAGE = 'This server cannot store API keys until SECRET_KEY is set';

/** The form's starting point: the saved settings, with an empty key field. */
export function draftFrom(settings: AiSettings): AiDraft {
  return {
    provider: settings.provider,
    apiKey: '',
    baseUrl: settings.baseUrl ?? '',
    model: settings.model ?? DEFAULT_MODEL,
  };
}

/** The contract schema's issues (zod's), one message per field. */
function fieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== 'apiKey' && field !== 'baseUrl' && field !== 'model') continue;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The endpoint part both requests share: an empty key keeps the saved one, an empty URL means OpenAI itself. */
function endpoint(draft: AiDraft) {
  const apiKey = draft.apiKey.trim();
  const baseUrl = draft.baseUrl.trim();
  return { ...(apiKey ? { apiKey } : {}), baseUrl: baseUrl || null, model: draft.model.trim() };
}

/** The PUT body, checked with the contract's own schema (and the server's no-key rule) before anything is sent. */
export function saveRequest(draft: AiDraft, settings: AiSettings): Checked<UpdateAiSettingsRequest> {
  if (draft.provider === 'offline') return { ok: true, body: { provider: 'offline' } };
  const body: UpdateAiSettingsRequest = { provider: 'openai', ...endpoint(draft) };
  const parsed = UpdateAiSettingsRequest.safeParse(body);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!body.apiKey && !keptKey(settings) && !errors.apiKey)
    errors.apiKey = settings.canStoreKeys ? NO_KEY_MESSAGE : NO_SECRET_MESSAGE;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

/** The test-connection body, checked like the save; with no key typed the server tries the saved one. */
export function testRequest(draft: AiDraft, settings: AiSettings): Checked<TestAiConnectionRequest> {
  const body: TestAiConnectionRequest = endpoint(draft);
  const parsed = TestAiConnectionRequest.safeParse(body);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!body.apiKey && !settings.keySet && !errors.apiKey) errors.apiKey = 'Enter an API key to test';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}

/** A key saved for this workspace, which an empty key field keeps (the server's environment key is not one). */
export function keptKey(settings: AiSettings): boolean {
  return settings.source === 'workspace' && settings.keySet;
}

export function providerLabel(settings: Pick<AiSettings, 'provider' | 'model'>): string {
  if (settings.provider === 'offline') return 'Offline NLP';
  return `OpenAI-compatible endpoint${settings.model ? ` (model ${settings.model})` : ''}`;
}

/** The key field's hint: which key is saved and how to keep or replace it. */
export function keyHint(settings: AiSettings): string {
  if (!settings.canStoreKeys) return 'Keys cannot be saved on this server yet (see above).';
  if (!settings.keySet) return 'Stored encrypted on the server and never shown again.';
  const which = settings.source === 'server' ? "The server's environment key" : 'Key saved';
  const named = settings.keyHint ? `${which} ${settings.keyHint}` : which;
  return `${named}. Leave empty to keep it, or type a new key to replace it.`;
}

/** "Connected … (120 ms)" or "Failed: …", for the test result line. */
export function testOutcome(answer: TestAiConnectionAnswer): string {
  return `${answer.ok ? 'Connection OK' : 'Connection failed'}: ${answer.message} (${answer.latencyMs} ms)`;
}
