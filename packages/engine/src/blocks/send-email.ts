import { interpolate, interpolateLines } from '@flowdesk/flow-schema';
import { localEffectState } from '../machine/transitions';
import type { BlockCompiler } from './compiler';

/** Sends an email through the host's `sendEmail` effect and moves on either way. */
export const compileSendEmail: BlockCompiler<'send_email'> = (block, index) => {
  // A failed email must not strand the visitor; the host records the failure.
  const next = { target: index.target(block.id, 'next') };
  return localEffectState(index, block.id, {
    src: 'sendEmail',
    input: ({ context }) => ({
      to: interpolate(block.data.to, context.variables).trim(),
      subject: interpolate(block.data.subject, context.variables),
      body: interpolateLines(block.data.body, context.variables),
    }),
    onDone: next,
    onError: next,
  });
};
