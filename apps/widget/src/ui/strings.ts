export const DEFAULT_STRINGS = {
  /** Header title and subtitle; empty means the bot's name and its availability / reply time. */
  title: '',
  subtitle: '',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  /** Added to the launcher's label while replies are unread. */
  unread: '{count} unread',
  messages: 'Messages',
  placeholder: 'Type your message…',
  send: 'Send',
  /** Read out by screen readers before the visitor's own messages. */
  you: 'You',
  sending: 'Sending…',
  // Only a message the runtime refused is shown as not sent: one held back by the network keeps "Sending…" and goes later.
  notSent: 'Not sent: the chat could not take this message.',
  choose: 'Choose an option',
  submit: 'Submit',
  optional: '(optional)',
  connecting: 'Connecting you with the team',
  replyTime: 'Usually replies in {time}',
  online: 'Online',
  away: 'We are away right now',
  agentJoined: '{name} joined the conversation',
  typing: '{name} is typing…',
  someoneTyping: 'Typing…',
  resolved: 'This conversation has been resolved.',
  startAgain: 'Start a new conversation',
  offlineTitle: 'We are offline',
  offlineText: "Leave your email and we'll get back to you.",
  email: 'Email',
  name: 'Name',
  emailSaved: "Thanks! We'll reply to {email}.",
  emailInvalid: 'Please enter a valid email address.',
  reconnecting: 'Reconnecting…',
  offlineQueue: "You're offline. Messages will be sent when you're back.",
  loadFailed: 'Could not connect to the chat.',
  retry: 'Try again',
  soundOn: 'Sound notifications on',
  /** The name of a link that is only an image without alt text. */
  openLink: 'Open link',
  download: 'Download',
  /** Heads the knowledge sources named under an AI answer. */
  sources: 'Sources',
  /** The rating asked after a resolution (bot setting: stars or thumbs). */
  csatQuestion: 'How would you rate this conversation?',
  csatStars: '{score} out of 5 stars',
  csatGood: 'Good',
  csatBad: 'Bad',
  csatComment: 'Anything to add?',
  csatSkip: 'Skip',
  csatThanks: 'Thank you for your feedback!',
} as const;

export type StringKey = keyof typeof DEFAULT_STRINGS;
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/**
 * Page config beats the bot's settings, which beat the defaults; an empty override counts as none.
 * `{name}` placeholders are filled from vars.
 */
export function createTranslate(...overrides: (Record<string, string> | undefined)[]): Translate {
  const table: Record<string, string> = { ...DEFAULT_STRINGS };
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) if (value) table[key] = value;
  }
  return (key, vars = {}) =>
    (table[key] ?? DEFAULT_STRINGS[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
}
