import type { SuggestReplyInput } from '../provider';
import { visitorLines } from '../transcript';
import { answerOffline } from './answer';
import { nouns } from './nlp';

/** A draft for the agent: the knowledge answer to the visitor's last question, or an acknowledgement of the topic. */

function greeting(name: string | null | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? `Hi ${first}, thanks for waiting.` : 'Hi, thanks for waiting.';
}

export function suggestReplyOffline({ transcript, knowledge }: SuggestReplyInput): { reply: string } {
  const lines = visitorLines(transcript);
  const last = lines.at(-1);
  if (!last) return { reply: 'Hi, how can I help you today?' };
  const question = [...lines].reverse().find((l) => l.text.includes('?'))?.text ?? last.text;
  const hello = greeting(last.name);

  if (knowledge?.trim()) {
    const { found, answer } = answerOffline({ question, knowledge, instructions: '' });
    if (found) return { reply: `${hello} ${answer} Is there anything else I can help you with?` };
  }
  const topic = nouns(lines.map((l) => l.text).join(' ')).at(0);
  const about = topic ? ` with your ${topic}` : '';
  return {
    reply: `${hello} I'm sorry for the trouble${about}. I'm looking into it now and will get back to you shortly.`,
  };
}
