import type { TestAiConnectionAnswer } from '@flowdesk/contract';
import { createChatModel } from '../ai/openai/model';

export interface ConnectionToTest {
  apiKey: string;
  baseUrl: string | null;
  model: string;
  timeoutMs: number;
}

/**
 * One short chat request through LangChain, as the runtime's own calls make them: it proves the endpoint answers,
 * the key is accepted and the model exists. Its error is given in words with the key blanked out.
 */
export async function testAiConnection(connection: ConnectionToTest): Promise<TestAiConnectionAnswer> {
  const model = createChatModel({
    apiKey: connection.apiKey,
    model: connection.model,
    timeoutMs: connection.timeoutMs,
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
  });
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    await model.invoke([{ role: 'user', content: 'Reply with the word: ok' }], { maxTokens: 5 } as never);
    return { ok: true, message: `Connected: ${connection.model} answered.`, latencyMs: latency() };
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    const message = said.split(connection.apiKey).join('…').slice(0, 300);
    return { ok: false, message: `The endpoint refused or did not answer: ${message}`, latencyMs: latency() };
  }
}
