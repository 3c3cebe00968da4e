import type { AiStatus } from '@flowdesk/contract';
import { SettingsFrame } from '../settings/SettingsFrame';
import { useAsync } from '../ui/use-async';
import { aiApi } from './ai-api';

/** Which AI provider answers, summarises and triages, and how to change it. */
export function AiSettingsPage() {
  const data = useAsync(() => aiApi.status(), []);
  return (
    <SettingsFrame intro="The AI behind AI answers, AI agents, intents, handoff summaries and priorities." data={data}>
      {(status) => <AiProviderCard status={status} />}
    </SettingsFrame>
  );
}

export function AiProviderCard({ status }: { status: AiStatus }) {
  const online = status.provider === 'openai';
  return (
    <section className="card settings-section" aria-label="AI provider">
      <h2>
        Active provider: {online ? 'OpenAI-compatible endpoint' : 'Offline NLP'}
        {online && status.model ? ` (model ${status.model})` : null}
      </h2>
      {online ? (
        <p>
          AI calls go through LangChain to the OpenAI-compatible endpoint configured on the server. Every call has a
          timeout and falls back to the offline provider, so a failing model never blocks a handoff or loses a message.
        </p>
      ) : (
        <p>
          No API key is set, so the built-in offline provider runs on the server: extractive summaries, keyword and
          sentiment-based priority, and lexical (TF-IDF) intent matching and answers. Nothing leaves your server.
        </p>
      )}
      <p className="hint">
        Set by the runtime's environment: <code>OPENAI_API_KEY</code> turns the OpenAI-compatible provider on,{' '}
        <code>OPENAI_BASE_URL</code> points it at any compatible endpoint, and <code>OPENAI_MODEL</code> picks the
        model. Restart the runtime after changing them.
      </p>
    </section>
  );
}
