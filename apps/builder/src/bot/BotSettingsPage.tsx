import type { Bot } from '@flowdesk/contract';
import { DEFAULT_POSITION, DEFAULT_PRIMARY_COLOR } from '@flowdesk/contract/theme';
import { embedSnippet } from '@flowdesk/widget/snippet';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { botsApi } from '../api/bots';
import { recordOnboardingMark } from '../api/onboarding';
import { useToast } from '../app/toasts';
import { CsatSettingField, csatSettingOf } from '../csat/CsatSettingField';
import { SettingsFrame } from '../settings/SettingsFrame';
import { Icon } from '../ui/icons';
import { namedOptions, Select } from '../ui/Select';
import { EmptyState } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useSave } from '../ui/use-submit';
import { WidgetTextsForm } from './WidgetTextsForm';

function EmbedSnippet({ botId }: { botId: string }) {
  const toast = useToast();
  const snippet = embedSnippet({ botId, runtimeUrl: window.location.origin });
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      toast.success('Embed code copied.');
      recordOnboardingMark(api, 'embed_copied');
    } catch {
      toast.show('info', 'Select the code and copy it with Ctrl+C.');
    }
  }
  return (
    <section className="card settings-section">
      <div className="row">
        <h2 className="grow">Add the chat to your website</h2>
        <button type="button" className="btn" onClick={copy}>
          <Icon name="copy" /> Copy code
        </button>
      </div>
      <p className="hint">
        Paste this just before the closing &lt;/body&gt; tag of every page that should show the chat.
      </p>
      <pre className="snippet">{snippet}</pre>
      <p className="hint">
        Bot id: <code>{botId}</code>
      </p>
    </section>
  );
}

function BotForm({ bot, onSaved }: { bot: Bot; onSaved: (bot: Bot) => void }) {
  const [name, setName] = useState(bot.name);
  const [origins, setOrigins] = useState(bot.allowedOrigins.join('\n'));
  const [color, setColor] = useState(bot.settings.theme?.primaryColor ?? DEFAULT_PRIMARY_COLOR);
  const [position, setPosition] = useState(bot.settings.theme?.position ?? DEFAULT_POSITION);
  const [csat, setCsat] = useState(csatSettingOf(bot.settings));
  // The widget texts' Header title, when set, is what the chat header shows instead of the name.
  const headerTitle = bot.settings.strings?.title?.trim();

  const { busy, save } = useSave(async () => {
    const allowedOrigins = origins
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    const theme = { ...bot.settings.theme, primaryColor: color, position };
    const { bot: saved } = await botsApi.update(api, bot.id, {
      name,
      allowedOrigins,
      settings: { ...bot.settings, theme, csat },
    });
    onSaved(saved);
  }, 'Bot settings saved.');

  return (
    <form className="card settings-section" onSubmit={save}>
      <h2>Bot</h2>
      <label className="field">
        <span>Name shown in the chat header</span>
        <input
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={headerTitle ? 'bot-name-hint' : undefined}
        />
        {headerTitle ? (
          <small id="bot-name-hint" className="hint">
            The chat header shows the Header title “{headerTitle}” from the widget texts below; empty it there to show
            this name.
          </small>
        ) : null}
      </label>
      <div className="row">
        <label className="field">
          <span>Colour</span>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <label className="field grow">
          <span>Launcher position</span>
          <select value={position} onChange={(e) => setPosition(e.target.value as 'left' | 'right')}>
            <option value="right">Bottom right</option>
            <option value="left">Bottom left</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span>Websites allowed to embed the chat (one per line, * for any)</span>
        <textarea value={origins} onChange={(e) => setOrigins(e.target.value)} placeholder="https://www.example.com" />
      </label>
      <CsatSettingField value={csat} onChange={setCsat} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Save
      </button>
    </form>
  );
}

export function BotSettingsPage() {
  const data = useAsync(() => botsApi.list(api), []);
  const [bots, setBots] = useState<Bot[]>([]);
  const [botId, setBotId] = useState<string | null>(null);
  // The loaded list, not `data` (a new object every render): a saved bot must not be replaced by the stale one.
  const loaded = data.status === 'ready' ? data.value.bots : null;
  useEffect(() => {
    if (loaded) {
      setBots(loaded);
      setBotId((current) => current ?? loaded[0]?.id ?? null);
    }
  }, [loaded]);

  const bot = bots.find((b) => b.id === botId);
  const replaceBot = (saved: Bot) => setBots((list) => list.map((b) => (b.id === saved.id ? saved : b)));
  return (
    <SettingsFrame
      intro="Your bot, how the chat looks, and where it may appear."
      data={data}
      actions={
        bots.length > 1 ? (
          <Select aria-label="Bot" value={botId ?? ''} options={namedOptions(bots)} onChange={setBotId} />
        ) : null
      }
    >
      {() =>
        !bot ? (
          <EmptyState title="No bot yet">Create a bot from the runtime's seed or API first.</EmptyState>
        ) : (
          <div className="settings-grid">
            <EmbedSnippet botId={bot.id} />
            <BotForm key={bot.id} bot={bot} onSaved={replaceBot} />
            <WidgetTextsForm key={`texts-${bot.id}`} bot={bot} onSaved={replaceBot} />
          </div>
        )
      }
    </SettingsFrame>
  );
}
