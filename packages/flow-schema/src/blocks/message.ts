import type { MessageContent } from '@flowdesk/contract';
import { z } from 'zod';
import { Template } from '../common';
import { defineBlock, nextOnly } from './define';

const Url = z.string().min(1).max(2000);
const Caption = Template.optional();

/** The same shapes as @flowdesk/contract MessageContent; text fields may hold `{{variables}}`. */
export const MessageBlockContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: Template.min(1) }),
  z.object({ type: z.literal('image'), url: Url, alt: z.string().max(500).optional(), caption: Caption }),
  z.object({ type: z.literal('video'), url: Url, caption: Caption }),
  z.object({ type: z.literal('audio'), url: Url, caption: Caption }),
  z.object({ type: z.literal('file'), url: Url, name: z.string().min(1).max(300), caption: Caption }),
  z.object({ type: z.literal('link'), url: Url, label: z.string().min(1).max(200), text: Caption }),
  z.object({
    type: z.literal('carousel'),
    cards: z
      .array(
        z.object({
          title: z.string().min(1).max(200),
          subtitle: z.string().max(500).optional(),
          imageUrl: Url.optional(),
          buttons: z
            .array(z.object({ label: z.string().min(1).max(100), url: Url.optional(), value: z.string().optional() }))
            .max(5)
            .default([]),
        }),
      )
      .min(1)
      .max(10),
  }),
]);
export type MessageBlockContent = z.infer<typeof MessageBlockContent>;

// Compile-time proof that a message block's content is a valid contract MessageContent.
const _isMessageContent = (c: MessageBlockContent): MessageContent => c;
void _isMessageContent;

export const MessageData = z.object({ content: MessageBlockContent });
export type MessageData = z.infer<typeof MessageData>;

export const messageBlock = defineBlock({
  type: 'message',
  label: 'Send message',
  group: 'Messages',
  description: 'Sends text, an image, a video, audio, a file, a link or a carousel of cards.',
  data: MessageData,
  defaults: () => ({ content: { type: 'text' as const, text: 'Hello!' } }),
  outputs: nextOnly,
  waitsForInput: false,
});
