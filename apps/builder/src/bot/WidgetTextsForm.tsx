import type { Bot } from '@flowdesk/contract';
import { DEFAULT_STRINGS, type StringKey } from '@flowdesk/widget/strings';
import { useState } from 'react';
import { api } from '../api/api';
import { botsApi } from '../api/bots';
import './widget-texts.css';
import { useSave } from '../ui/use-submit';

/** What each text is, in the admin's words; typed by the widget's keys so a new key cannot be forgotten. */
const LABELS: Record<StringKey, string> = {
  title: 'Header title',
  subtitle: 'Header subtitle',
  openChat: 'Chat button (open)',
  closeChat: 'Chat button (close)',
  unread: 'Unread count on the chat button',
  messages: 'Name of the message list',
  placeholder: 'Message box placeholder',
  send: 'Send button',
  you: "Before the visitor's own messages (screen readers)",
  sending: 'While a message is sending',
  notSent: 'When a message could not be sent',
  choose: 'Above the choice buttons',
  submit: 'Form submit button',
  optional: 'After optional form fields',
  connecting: 'While waiting for a person',
  replyTime: 'Expected reply time',
  online: 'Team online',
  away: 'Team away',
  agentJoined: 'A person joined',
  typing: 'A person is typing',
  someoneTyping: 'Someone is typing',
  resolved: 'Conversation resolved',
  startAgain: 'Start a new conversation button',
  offlineTitle: 'Offline form title',
  offlineText: 'Offline form text',
  email: 'Email field',
  name: 'Name field',
  emailSaved: 'After the email was left',
  emailInvalid: 'Invalid email',
  reconnecting: 'Connection lost',
  offlineQueue: 'Visitor offline',
  loadFailed: 'Chat could not load',
  retry: 'Retry button',
  soundOn: 'Sound toggle',
  openLink: 'Name of a link that is only an image',
  download: 'Download link',
  sources: 'Above the sources of an AI answer',
  csatQuestion: 'Rating question after a resolution',
  csatStars: 'Name of a star button ({score} out of 5)',
  csatGood: 'Thumbs up button name',
  csatBad: 'Thumbs down button name',
  csatComment: 'Comment box after the rating',
  csatSkip: 'Skip the comment',
  csatThanks: 'Thanks after the rating',
};

/** Shown instead of a default when the widget has none of its own. */
const EMPTY_DEFAULTS: Partial<Record<StringKey, string>> = {
  subtitle: 'Online, away or the reply time',
};

const KEYS = Object.keys(DEFAULT_STRINGS) as StringKey[];

/** Overrides for the widget's texts (another language, other words); empty means the default. */
export function WidgetTextsForm({ bot, onSaved }: { bot: Bot; onSaved: (bot: Bot) => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...bot.settings.strings }));

  const { busy, save } = useSave(async () => {
    // The runtime merges texts into what it has, so a cleared text is sent as "" (the widget's default).
    const strings: Record<string, string> = {};
    for (const key of new Set([...Object.keys(bot.settings.strings ?? {}), ...Object.keys(values)])) {
      strings[key] = values[key]?.trim() ?? '';
    }
    const { bot: saved } = await botsApi.update(api, bot.id, { settings: { ...bot.settings, strings } });
    onSaved(saved);
  }, 'Widget texts saved.');

  return (
    <form className="card settings-section" onSubmit={save} aria-labelledby="widget-texts-title">
      <h2 id="widget-texts-title">Widget texts</h2>
      <p className="hint">
        Change any text of the chat, for example to speak your visitors' language. Empty fields use the English text
        shown. Keep words in braces such as {'{name}'} as they are: the chat fills them in.
      </p>
      <div className="widget-texts">
        {KEYS.map((key) => (
          <label className="field" key={key}>
            <span>{LABELS[key]}</span>
            <input
              name={key}
              maxLength={1000}
              value={values[key] ?? ''}
              placeholder={key === 'title' ? bot.name : DEFAULT_STRINGS[key] || EMPTY_DEFAULTS[key]}
              onChange={(e) => setValues((current) => ({ ...current, [key]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Save texts
      </button>
    </form>
  );
}
