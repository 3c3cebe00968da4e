/**
 * The reply box's inline commands: `/shortcut` inserts a canned response, `@name` mentions a teammate in a
 * note. Each works on the word that ends at the caret.
 */
export interface Token {
  /** Text after the trigger character, e.g. "ref" for "/ref". */
  query: string;
  /** Index of the trigger character. */
  start: number;
  end: number;
}

function tokenAt(text: string, caret: number, trigger: '/' | '@'): Token | null {
  const before = text.slice(0, caret);
  const pattern = trigger === '/' ? /(?:^|\s)\/([\w-]*)$/ : /(?:^|\s)@([\w.-]*)$/;
  const match = pattern.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { query, start: caret - query.length - 1, end: caret };
}

export const slashToken = (text: string, caret: number) => tokenAt(text, caret, '/');
export const mentionToken = (text: string, caret: number) => tokenAt(text, caret, '@');

/** Replaces the token with `insert`; returns the new text and where the caret goes. */
export function replaceToken(text: string, token: Token, insert: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + insert + text.slice(token.end);
  return { text: next, caret: token.start + insert.length };
}

/** Canned responses whose shortcut or title starts with (then contains) the query. */
export function matchCanned<T extends { shortcut: string; title: string }>(items: T[], query: string): T[] {
  const q = query.toLowerCase();
  const starts = items.filter((item) => item.shortcut.toLowerCase().startsWith(q));
  const contains = items.filter(
    (item) =>
      !starts.includes(item) && (item.shortcut.toLowerCase().includes(q) || item.title.toLowerCase().includes(q)),
  );
  return [...starts, ...contains];
}

/** Teammates whose name or email starts with the query (case-insensitive). */
export function matchTeammates<T extends { name: string; email: string }>(people: T[], query: string): T[] {
  const q = query.toLowerCase();
  return people.filter(
    (person) =>
      person.name
        .toLowerCase()
        .split(/\s+/)
        .some((part) => part.startsWith(q)) || person.email.toLowerCase().startsWith(q),
  );
}

/** The handle a mention inserts, e.g. "@Bea_Billing". */
export const mentionHandle = (name: string) => `@${name.trim().replace(/\s+/g, '_')}`;

/** Ids of teammates whose handle appears in the text (so deleting a mention also un-mentions). */
export function mentionedIds<T extends { id: string; name: string }>(text: string, people: T[]): string[] {
  return people
    .filter((person) => {
      const handle = mentionHandle(person.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(^|\\s)${handle}(?![\\w-])`).test(text);
    })
    .map((person) => person.id);
}

/**
 * Teammates who may see the conversation, the runtime's rule (inbox/access.ts canSee): admins; the
 * assignee; members of its team; everyone while it has neither. Only they can be mentioned in a note.
 */
export function mentionable<T extends { id: string; role: 'admin' | 'agent' }>(
  people: T[],
  conversation: { assigneeId: string | null; teamId: string | null },
  teams: Array<{ id: string; memberIds: string[] }>,
): T[] {
  const members = teams.find((team) => team.id === conversation.teamId)?.memberIds ?? [];
  return people.filter(
    (person) =>
      person.role === 'admin' ||
      person.id === conversation.assigneeId ||
      members.includes(person.id) ||
      (conversation.assigneeId === null && conversation.teamId === null),
  );
}

/**
 * What the pop-up says when a command finds nothing (Enter still sends the text as typed): no canned response yet,
 * none matching "/query", or no teammate matching "@query".
 */
export function noMatchHint(token: { kind: 'canned' | 'mention'; query: string }, total: number): string {
  if (token.kind === 'mention') return `No teammate matches “@${token.query}”.`;
  if (total === 0) return 'No canned responses yet: they are added under Settings › Canned responses.';
  return `No canned response matches “/${token.query}”.`;
}

/** One line of the pop-up above the reply box, and the text picking it puts in place of the command. */
export interface Suggestion {
  id: string;
  label: string;
  hint: string;
  insert: string;
}

/** The most suggestions the pop-up lists. */
const SHOWN = 8;

/**
 * What the reply box offers for the command at the caret: canned responses for `/…`, and in a note teammates for
 * `@…`. `token` is the command a pick replaces; `hint` says why nothing is offered when nothing matches.
 */
export function suggestionsAt(
  text: string,
  caret: number,
  mode: 'reply' | 'note',
  canned: Array<{ id: string; shortcut: string; title: string; text: string }>,
  teammates: Array<{ id: string; name: string; email: string }>,
): { token: Token | null; items: Suggestion[]; hint: string | null } {
  const slash = slashToken(text, caret);
  const mention = mode === 'note' ? mentionToken(text, caret) : null;
  const items: Suggestion[] = slash
    ? matchCanned(canned, slash.query)
        .slice(0, SHOWN)
        .map((c) => ({ id: c.id, label: `/${c.shortcut}`, hint: c.title, insert: c.text }))
    : mention
      ? matchTeammates(teammates, mention.query)
          .slice(0, SHOWN)
          .map((p) => ({ id: p.id, label: p.name, hint: p.email, insert: `${mentionHandle(p.name)} ` }))
      : [];
  const token = slash ?? mention;
  const hint =
    token && items.length === 0
      ? noMatchHint(
          { kind: slash ? 'canned' : 'mention', query: token.query },
          slash ? canned.length : teammates.length,
        )
      : null;
  return { token, items, hint };
}
