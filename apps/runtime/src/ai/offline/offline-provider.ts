import type { AiProvider } from '../provider';
import { agentTurnOffline } from './agent-turn';
import { answerOffline } from './answer';
import { classifyIntentOffline } from './classify-intent';
import { prioritizeOffline } from './prioritize';
import { suggestReplyOffline } from './suggest-reply';
import { summarizeOffline } from './summarize';

/** The provider used with no API key and as the fallback of every model call: wink-nlp heuristics, no network. */
export function createOfflineProvider(): AiProvider {
  return {
    name: 'offline',
    summarize: async (i) => summarizeOffline(i),
    prioritize: async (i) => prioritizeOffline(i),
    classifyIntent: async (i) => classifyIntentOffline(i),
    // Nothing to stream: a found answer is shown whole, once; the not-found apology is never sent to onText.
    answer: async (i, options) => {
      const result = answerOffline(i);
      if (result.found) options?.onText?.(result.answer);
      return result;
    },
    agentTurn: async (i) => agentTurnOffline(i),
    suggestReply: async (i) => suggestReplyOffline(i),
  };
}
