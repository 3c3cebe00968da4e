import { type BlockOf, type Intent, interpolate, valueToText } from '@flowdesk/flow-schema';
import { buildHttpRequest } from '../blocks/http-request';
import type { StateConfig } from './config';
import type { FlowIndex } from './flow-index';
import { blockState } from './transitions';
import { TAGS } from './types';

type EffectBlock = BlockOf<'http_request' | 'ai_answer' | 'match_intent' | 'send_email'>;

const lastMessage = (vars: Record<string, unknown>) => valueToText(vars.last_message);

/** A block that calls a host effect and follows an output by its result. */
export function effectBlockState(block: EffectBlock, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const to = (handle: string) => index.target(block.id, handle);
  const base = blockState(index, block.id);
  switch (block.type) {
    case 'http_request':
      return {
        ...base,
        invoke: {
          src: 'http',
          input: ({ context }) => buildHttpRequest(block.data, context.variables),
          onDone: [
            { guard: 'httpOk', target: to('success'), actions: { type: 'mapHttp', params } },
            { target: to('error') },
          ],
          onError: { target: to('error') },
        },
      };
    case 'ai_answer':
      return {
        ...base,
        invoke: {
          src: 'answer',
          input: ({ context }) => ({
            question: lastMessage(context.variables),
            instructions: interpolate(block.data.instructions, context.variables),
            knowledge: interpolate(block.data.knowledge, context.variables),
            variables: context.variables,
          }),
          onDone: [
            { guard: 'answerFound', target: to('answered'), actions: { type: 'answered', params } },
            { target: to('not_found') },
          ],
          onError: { target: to('not_found') },
        },
      };
    case 'match_intent': {
      const intents = block.data.intentIds.map((id) => index.intents.get(id)).filter((i): i is Intent => !!i);
      return {
        ...base,
        invoke: {
          src: 'classifyIntent',
          input: ({ context }) => ({ text: lastMessage(context.variables), intents }),
          onDone: [
            ...intents.map((i) => ({
              guard: { type: 'intentMatched' as const, params: { intentId: i.id } },
              target: to(i.id),
            })),
            { target: to('no_match') },
          ],
          onError: { target: to('no_match') },
        },
      };
    }
    case 'send_email':
      return {
        ...base,
        invoke: {
          src: 'sendEmail',
          input: ({ context }) => ({
            to: interpolate(block.data.to, context.variables).trim(),
            subject: interpolate(block.data.subject, context.variables),
            body: interpolate(block.data.body, context.variables),
          }),
          // A failed email must not strand the visitor; the host records the failure.
          onDone: { target: to('next') },
          onError: { target: to('next') },
        },
      };
  }
}

/** Asks the host to hand off; pauses (tag `handoff`) until an agent hands back or nobody replies in time. */
export function handoffState(block: BlockOf<'human_handoff'>, index: FlowIndex): StateConfig {
  const params = { blockId: block.id };
  const to = (handle: string) => index.target(block.id, handle);
  const offline = { target: to('offline'), actions: { type: 'offline' as const, params } };
  const timeoutConnected = index.doc.edges.some((e) => e.source === block.id && e.sourceHandle === 'no_agent_timeout');
  return {
    ...blockState(index, block.id),
    initial: 'request',
    states: {
      request: {
        invoke: {
          src: 'handoff',
          input: ({ context }) => ({ blockId: block.id, settings: block.data, variables: context.variables }),
          onDone: [{ guard: 'handoffAccepted', target: 'paused', actions: { type: 'handedOff', params } }, offline],
          onError: offline,
        },
      },
      paused: {
        tags: [TAGS.handoff],
        on: {
          handback: { target: to('handed_off'), actions: 'resetSteps' },
          ...(timeoutConnected ? { no_agent_timeout: { target: to('no_agent_timeout'), actions: 'resetSteps' } } : {}),
          visitor_message: { actions: 'recordInput' },
        },
      },
    },
  };
}
