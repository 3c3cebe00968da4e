import type { AiSettings, TestAiConnectionAnswer } from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import { useToast } from '../app/toasts';
import { Field, type FieldControlProps } from '../ui/Field';
import { aiApi } from './ai-api';
import {
  type AiDraft,
  DEFAULT_MODEL,
  draftFrom,
  type FieldErrors,
  keyHint,
  OPENAI_ENDPOINT,
  saveRequest,
  testOutcome,
  testRequest,
} from './ai-settings-draft';
import './ai-settings.css';
import { FormError } from '../ui/FormError';
import { SubmitButton } from '../ui/SubmitButton';

const PROVIDERS = [
  {
    value: 'offline',
    label: 'Offline NLP (default)',
    hint: 'Built into the server: extractive summaries, keyword priority, lexical intents and answers. Nothing leaves your server.',
  },
  {
    value: 'openai',
    label: 'OpenAI-compatible endpoint',
    hint: 'OpenAI or any endpoint speaking its API. A failing call falls back to the offline provider.',
  },
] as const;

type TestState = { status: 'idle' } | { status: 'testing' } | { status: 'done'; answer: TestAiConnectionAnswer };

/** Edits the workspace's AI settings; a save applies at once (no restart). The saved key is never shown. */
export function AiSettingsForm({ settings, onSaved }: { settings: AiSettings; onSaved: () => void }) {
  const toast = useToast();
  const [draft, setDraft] = useState<AiDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const online = draft.provider === 'openai';

  const set = (patch: Partial<AiDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
    setTest({ status: 'idle' });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = saveRequest(draft, settings);
    if (!checked.ok) return setErrors(checked.errors);
    setBusy(true);
    try {
      await aiApi.save(api, checked.body);
      toast.success(
        online ? 'AI settings saved: the endpoint answers from now on.' : 'AI settings saved: offline NLP.',
      );
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setProblem(error.message);
      else toast.error(error);
    } finally {
      setBusy(false);
    }
  }

  async function testConnection() {
    setProblem(null);
    const checked = testRequest(draft, settings);
    if (!checked.ok) return setErrors(checked.errors);
    setTest({ status: 'testing' });
    try {
      setTest({ status: 'done', answer: await aiApi.testConnection(api, checked.body) });
    } catch (error) {
      setTest({ status: 'idle' });
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setProblem(error.message);
      else toast.error(error);
    }
  }

  const answer = test.status === 'done' ? test.answer : null;
  /** A Field's control editing a text setting that is typed exactly (no autocomplete, no spell check). */
  const plainInput = (key: 'baseUrl' | 'model', placeholder: string, type?: 'url') => (control: FieldControlProps) => (
    <input
      {...control}
      type={type}
      autoComplete="off"
      value={draft[key]}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(event) => set({ [key]: event.target.value })}
    />
  );
  return (
    <form className="card settings-section ai-settings-form" aria-label="AI settings" onSubmit={save} noValidate>
      <h2>Provider</h2>
      <FormError message={problem} />
      <fieldset>
        <legend className="visually-hidden">Provider</legend>
        {PROVIDERS.map((option) => (
          <label className="ai-provider-option" key={option.value}>
            <input
              type="radio"
              name="ai-provider"
              value={option.value}
              checked={draft.provider === option.value}
              onChange={() => set({ provider: option.value })}
            />
            <span>
              {option.label}
              <small>{option.hint}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {online ? (
        <>
          <Field label="API key" error={errors.apiKey} hint={keyHint(settings)}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={draft.apiKey}
                disabled={!settings.canStoreKeys}
                placeholder={settings.keySet ? 'Leave empty to keep the saved key' : 'sk-…'}
                spellCheck={false}
                onChange={(event) => set({ apiKey: event.target.value })}
              />
            )}
          </Field>
          <Field label="Endpoint URL" error={errors.baseUrl} hint="Leave empty for OpenAI itself.">
            {plainInput('baseUrl', OPENAI_ENDPOINT, 'url')}
          </Field>
          <Field label="Model" error={errors.model}>
            {plainInput('model', DEFAULT_MODEL)}
          </Field>
        </>
      ) : null}
      <div className="ai-actions">
        {online ? (
          <button type="button" className="btn" onClick={testConnection} disabled={test.status === 'testing'}>
            {test.status === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
        ) : null}
        <SubmitButton busy={busy} label="Save" busyLabel="Saving…" />
      </div>
      <p
        className={answer ? `ai-test-result ${answer.ok ? 'ok' : 'failed'}` : 'ai-test-result'}
        role="status"
        aria-live="polite"
        aria-label="Connection test"
      >
        {test.status === 'testing' ? 'Testing the connection…' : answer ? testOutcome(answer) : ''}
      </p>
    </form>
  );
}
