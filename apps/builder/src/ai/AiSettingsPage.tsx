import type { AiSettings } from '@flowdesk/contract';
import { api } from '../api/api';
import { SettingsFrame } from '../settings/SettingsFrame';
import { useAsync } from '../ui/use-async';
import { AiSettingsForm } from './AiSettingsForm';
import { aiApi } from './ai-api';
import { providerLabel } from './ai-settings-draft';

/** The workspace's AI provider: offline NLP (default) or an OpenAI-compatible endpoint, applied without a restart. */
export function AiSettingsPage() {
  const data = useAsync(() => aiApi.settings(api), []);
  return (
    <SettingsFrame intro="The AI behind AI answers, AI agents, intents, handoff summaries and priorities." data={data}>
      {(settings) => (
        <>
          <AiProviderCard settings={settings} />
          <AiSettingsForm key={settings.updatedAt ?? 'server'} settings={settings} onSaved={data.reload} />
        </>
      )}
    </SettingsFrame>
  );
}

/** Which provider answers now, where that comes from, and whether keys can be saved here. */
export function AiProviderCard({ settings }: { settings: AiSettings }) {
  return (
    <section className="card settings-section" aria-label="AI provider">
      <h2>Active provider: {providerLabel(settings)}</h2>
      {settings.source === 'server' ? (
        <p>
          This workspace uses the server's environment default (<code>OPENAI_API_KEY</code>,{' '}
          <code>OPENAI_BASE_URL</code>, <code>OPENAI_MODEL</code>
          {settings.provider === 'offline' ? ': none set, so the offline provider' : ''}) until you save settings here.
        </p>
      ) : (
        <p>
          Saved for this workspace{settings.updatedAt ? ` on ${new Date(settings.updatedAt).toLocaleString()}` : ''}.
          Changes apply at once, without a restart.
        </p>
      )}
      {settings.provider === 'openai' ? (
        <p className="hint">
          Every call has a timeout and falls back to the offline provider, so a failing model never blocks a handoff.
        </p>
      ) : (
        <p className="hint">Nothing leaves your server while the offline provider answers.</p>
      )}
      {settings.canStoreKeys ? null : (
        <p className="ai-note" role="note">
          This server cannot store API keys: it has no <code>SECRET_KEY</code> to encrypt them with. Ask whoever runs it
          to set <code>SECRET_KEY</code> (32 characters or more) in the runtime's environment; until then the key field
          is disabled.
        </p>
      )}
    </section>
  );
}
