import type { AiProvider } from '../provider';
import { agentTurnWithModel } from './agent-turn';
import { answerWithModel } from './answer';
import { classifyIntentWithModel } from './classify-intent';
import { createChatModel, type OpenAiConfig } from './model';
import { prioritizeWithModel } from './prioritize';
import { suggestReplyWithModel } from './suggest-reply';
import { summarizeWithModel } from './summarize';

/** The LangChain provider: every capability is one ChatOpenAI call against an OpenAI-compatible endpoint. */
export function createOpenAiProvider(config: OpenAiConfig): AiProvider {
  const model = createChatModel(config);
  return {
    name: 'openai',
    summarize: (i) => summarizeWithModel(model, i),
    prioritize: (i) => prioritizeWithModel(model, i),
    classifyIntent: (i) => classifyIntentWithModel(model, i),
    answer: (i, options) => answerWithModel(model, i, options),
    agentTurn: (i) => agentTurnWithModel(model, i),
    suggestReply: (i) => suggestReplyWithModel(model, i),
  };
}
