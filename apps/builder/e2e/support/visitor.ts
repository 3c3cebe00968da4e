import type { MessageContent, SendMessageResponse, StartSessionResponse } from '@flowdesk/contract';

/** A visitor talking to a published bot through the public widget API (what the widget does). */
export async function visitorChat(runtimeUrl: string, botId: string) {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${runtimeUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const session = await post<StartSessionResponse>(`/api/public/bots/${botId}/sessions`, {});
  const messages = async () => {
    const response = await fetch(`${runtimeUrl}/api/public/conversations/${session.conversation.id}/messages?after=0`, {
      headers: { Authorization: `Bearer ${session.visitorToken}` },
    });
    return ((await response.json()) as { messages: { content: MessageContent }[] }).messages.map((m) => m.content);
  };
  let count = 0;
  const say = (text: string) =>
    post<SendMessageResponse>(
      `/api/public/conversations/${session.conversation.id}/messages`,
      { clientId: `c${++count}`, content: { type: 'text', text } },
      session.visitorToken,
    );
  return { session, messages, say };
}

/** The readable text of a message, whatever its kind. */
export function textOf(content: MessageContent): string {
  if ('text' in content && typeof content.text === 'string') return content.text;
  if (content.type === 'choice') return `${content.text ?? ''} [${content.options.map((o) => o.label).join(' | ')}]`;
  if (content.type === 'input') return content.prompt ?? '';
  return content.type;
}
