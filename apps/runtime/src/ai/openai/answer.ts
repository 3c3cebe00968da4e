import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { NOT_FOUND_ANSWER } from '../offline/answer';
import type { AnswerInput, AnswerOptions, TranscriptLine } from '../provider';
import { recentTranscript } from '../transcript';
import { NOT_FOUND_MARKER, visibleAnswer } from './not-found';

/** How much of the conversation goes with a question: the newest lines within both bounds. */
export const ANSWER_TRANSCRIPT = { maxLines: 20, maxChars: 6_000 };

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'You answer website visitors using ONLY the knowledge below. Reply with the answer itself, in plain text. ' +
      `If the knowledge does not contain the answer, reply with exactly ${NOT_FOUND_MARKER} and nothing else; ` +
      'do not guess.\n\nInstructions from the bot owner:\n{instructions}\n\nKnowledge:\n{knowledge}',
  ],
  ['human', '{conversation}Question: {question}'],
]);

/** Earlier lines for context; the question itself is left out when it is the last visitor line. */
function conversation(lines: TranscriptLine[] = [], question: string): string {
  const last = lines.at(-1);
  const earlier = last?.author === 'visitor' && last.text.trim() === question.trim() ? lines.slice(0, -1) : lines;
  const text = recentTranscript(earlier, ANSWER_TRANSCRIPT);
  return text ? `Conversation so far:\n${text}\n\n` : '';
}

/**
 * Streams the answer through `model.stream` (SSE), calling `onText` with the visible text so far as soon as it
 * grows. An empty reply throws, so the caller can fall back.
 */
export async function answerWithModel(
  model: ChatOpenAI,
  input: AnswerInput,
  options: AnswerOptions = {},
): Promise<{ found: boolean; answer: string }> {
  const messages = await prompt.formatMessages({
    instructions: input.instructions || '(none)',
    knowledge: input.knowledge || '(empty)',
    conversation: conversation(input.transcript, input.question),
    question: input.question,
  });
  let raw = '';
  let shown = '';
  const show = (visible: string) => {
    if (visible === shown) return;
    shown = visible;
    options.onText?.(visible);
  };
  for await (const chunk of await model.stream(messages, { signal: options.signal })) {
    raw += chunk.text;
    show(visibleAnswer(raw));
  }
  // LangChain ends the stream quietly when the signal fires between chunks.
  options.signal?.throwIfAborted();
  if (!raw.trim()) throw new Error('The model returned an empty answer');
  show(visibleAnswer(raw, true));
  return shown ? { found: true, answer: shown } : { found: false, answer: NOT_FOUND_ANSWER };
}
