import type { TestAiConnectionAnswer } from '@flowdesk/contract';
import { createChatModel } from '../ai/openai/model';

export interface ConnectionToTest {
  apiKey: string;
  baseUrl: string | null;
  model: string;
  timeoutMs: number;
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers at that address and port (connection refused)',
  ENOTFOUND: 'its host name could not be found',
  EAI_AGAIN: 'its host name could not be looked up',
  ECONNRESET: 'the connection was closed before it answered',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'its host cannot be reached',
};

const codeOf = (error: unknown): string | undefined => {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 4; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && code in CONNECT_ERRORS) return code;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Why the test failed, in an admin's words: LangChain's "Connection error." names no cause and its messages end
 * with a link to LangChain's own troubleshooting docs, which are no help to whoever set up the endpoint.
 */
export function describeFailure(error: unknown, connection: Pick<ConnectionToTest, 'timeoutMs'>): string {
  const name = error instanceof Error ? error.constructor.name : '';
  const status = (error as { status?: unknown } | null)?.status;
  const said = (error instanceof Error ? error.message : String(error))
    .replace(/\s*Troubleshooting URL:\s*\S+\s*$/, '')
    .trim();
  if (name === 'APIConnectionTimeoutError' || /^Request timed out\.?$/.test(said))
    return `The endpoint did not answer within ${Math.round(connection.timeoutMs / 1000)} s`;
  const code = codeOf(error);
  if (code) return `Could not reach the endpoint: ${CONNECT_ERRORS[code]}`;
  if (typeof status === 'number') {
    const text = said.replace(new RegExp(`^${status}\\s*`), '');
    if (/<html|<!doctype/i.test(text))
      return `The endpoint answered HTTP ${status} with a web page, not the OpenAI API: check the endpoint URL (it usually ends in /v1)`;
    if (status === 401 || status === 403) return `The endpoint refused the API key (HTTP ${status}): ${text}`;
    return `The endpoint answered HTTP ${status}: ${text}`;
  }
  return `The endpoint refused or did not answer: ${said}`;
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
    const message = describeFailure(error, connection).split(connection.apiKey).join('…').slice(0, 300);
    return { ok: false, message, latencyMs: latency() };
  }
}
