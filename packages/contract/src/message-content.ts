import { z } from 'zod';

/**
 * What a message carries, whoever wrote it. The engine produces bot content, the widget renders it,
 * the inbox shows it, the runtime stores it as `type` + `payload`.
 */
export const ButtonOption = z.object({ id: z.string(), label: z.string() });
export type ButtonOption = z.infer<typeof ButtonOption>;

export const CardButton = z.object({ label: z.string(), url: z.string().optional(), value: z.string().optional() });

export const InputType = z.enum(['text', 'number', 'email', 'phone', 'url', 'date', 'datetime', 'form']);
export type InputType = z.infer<typeof InputType>;

export const FormField = z.object({
  name: z.string(),
  label: z.string(),
  inputType: InputType.exclude(['form']),
  required: z.boolean().default(true),
  placeholder: z.string().optional(),
});
export type FormField = z.infer<typeof FormField>;

export const TimelineKind = z.enum([
  'handoff',
  'agent_joined',
  'takeover',
  'assigned',
  'team_assigned',
  'priority_changed',
  'resolved',
  'reopened',
  'handed_back',
  'offline',
  'email_captured',
  'error',
  /** The visitor rated the resolution (agents only). */
  'csat',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

/**
 * A knowledge source an AI answer was drawn from (issue 22): its title, and its address when it has one.
 * Only http(s) addresses are kept, so a widget can link them as they are.
 */
export const Citation = z.object({
  title: z.string().trim().min(1).max(300),
  url: z
    .string()
    .max(2000)
    .url()
    .refine((value) => /^https?:\/\//i.test(value), 'Only http and https links can be cited')
    .optional(),
});
export type Citation = z.infer<typeof Citation>;
/** At most this many sources are named under one answer. */
export const MAX_CITATIONS = 5;

export const MessageContent = z.discriminatedUnion('type', [
  /** Plain text; an AI answer also names the knowledge sources it used. */
  z.object({ type: z.literal('text'), text: z.string(), citations: z.array(Citation).max(MAX_CITATIONS).optional() }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string().optional(), caption: z.string().optional() }),
  z.object({ type: z.literal('video'), url: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('audio'), url: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('file'), url: z.string(), name: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('link'), url: z.string(), label: z.string(), text: z.string().optional() }),
  z.object({
    type: z.literal('carousel'),
    cards: z.array(
      z.object({
        title: z.string(),
        subtitle: z.string().optional(),
        imageUrl: z.string().optional(),
        buttons: z.array(CardButton).default([]),
      }),
    ),
  }),
  /** Quick replies: the visitor answers by picking one option (or typing, when allowed). */
  z.object({
    type: z.literal('choice'),
    text: z.string().optional(),
    options: z.array(ButtonOption),
    allowTyping: z.boolean().default(false),
  }),
  /** The bot waits for typed input of this kind; `form` asks several fields at once. */
  z.object({
    type: z.literal('input'),
    prompt: z.string().optional(),
    inputType: InputType,
    placeholder: z.string().optional(),
    fields: z.array(FormField).optional(),
  }),
  /** The flow rejected the visitor's input (e.g. not an email); the widget shows it and lets them retry. */
  z.object({ type: z.literal('validation_error'), text: z.string() }),
  /** Visitor answers to a `choice` or `form`. */
  z.object({ type: z.literal('choice_reply'), optionId: z.string(), label: z.string() }),
  z.object({ type: z.literal('form_reply'), values: z.record(z.string(), z.string()) }),
  /** Something that happened in the conversation, shown inline (handoff, assignment, resolve…). */
  z.object({
    type: z.literal('event'),
    kind: TimelineKind,
    text: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  /** Internal note between agents. Never sent to the visitor. */
  z.object({ type: z.literal('note'), text: z.string(), mentions: z.array(z.string()).default([]) }),
]);
export type MessageContent = z.infer<typeof MessageContent>;
export type MessageType = MessageContent['type'];
