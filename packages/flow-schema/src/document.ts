import { z } from 'zod';
import { blockDefinitions } from './blocks';
import { Identifier, Position, Template, VariableName } from './common';

export const SCHEMA_VERSION = 1;

const b = blockDefinitions;
/** One block of a flow; `data` is typed by `type`. */
export const Block = z.discriminatedUnion('type', [
  b.start.schema,
  b.intent_trigger.schema,
  b.message.schema,
  b.buttons.schema,
  b.capture.schema,
  b.condition.schema,
  b.set_variable.schema,
  b.match_intent.schema,
  b.ai_answer.schema,
  b.ai_agent.schema,
  b.http_request.schema,
  b.send_email.schema,
  b.human_handoff.schema,
  b.end.schema,
]);
export type Block = z.infer<typeof Block>;
export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;

/** From one block's named output to another block. */
export const Edge = z.object({
  id: Identifier,
  source: Identifier,
  sourceHandle: z.string().min(1).max(64),
  target: Identifier,
  /**
   * The route the editor drew for this edge after its last auto-layout (flow coordinates, from the
   * output handle through its bends to the input handle); the editor ignores it once a block moved.
   */
  points: z.array(Position).max(200).optional(),
});
export type Edge = z.infer<typeof Edge>;

export const FlowVariable = z.object({
  name: VariableName,
  description: z.string().max(500).optional(),
  defaultValue: z.union([z.string().max(5000), z.number(), z.boolean()]).optional(),
});
export type FlowVariable = z.infer<typeof FlowVariable>;

export const Intent = z.object({
  id: Identifier,
  name: z.string().min(1).max(100),
  description: z.string().max(1000).default(''),
  phrases: z.array(z.string().min(1).max(500)).max(500).default([]),
});
export type Intent = z.infer<typeof Intent>;

/** A sticky note on the canvas: words for the people editing the flow; the bot never runs it. */
export const FlowNote = z.object({
  id: Identifier,
  text: z.string().max(2000).default(''),
  position: Position,
});
export type FlowNote = z.infer<typeof FlowNote>;

/** The frame colours a group can take (named, so the editor's palette and the schema agree). */
export const GROUP_COLORS = ['blue', 'green', 'purple', 'orange', 'pink', 'grey'] as const;

/**
 * A titled, coloured frame around some blocks, for the people editing the flow; the bot never runs it.
 * The frame is drawn around its blocks, so it has no position of its own.
 */
export const FlowGroup = z.object({
  id: Identifier,
  title: z.string().max(100).default('Group'),
  color: z.enum(GROUP_COLORS).default('blue'),
  blockIds: z
    .array(Identifier)
    .min(1, 'A group holds at least one block.')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'A group lists each block once.'),
});
export type FlowGroup = z.infer<typeof FlowGroup>;

export const FlowSettings = z.object({
  /** `on_open`: the bot greets as soon as the widget opens; `on_first_message`: once the visitor writes. */
  welcome: z.enum(['on_open', 'on_first_message']).default('on_open'),
  /** Said when the visitor types something the current step cannot use. */
  fallbackMessage: Template.default("Sorry, I didn't get that. Please pick one of the options."),
  /** Minimum classifier confidence (0..1) for an intent to count as matched. */
  intentThreshold: z.number().min(0).max(1).default(0.6),
});
export type FlowSettings = z.infer<typeof FlowSettings>;

export const FlowDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Identifier,
  name: z.string().min(1).max(200),
  blocks: z.array(Block).max(5000),
  edges: z.array(Edge).max(20000).default([]),
  variables: z.array(FlowVariable).max(500).default([]),
  intents: z.array(Intent).max(500).default([]),
  settings: FlowSettings.default(FlowSettings.parse({})),
  /** Sticky notes of the editor's canvas (not executed). */
  notes: z.array(FlowNote).max(500).optional(),
  /** Groups of blocks on the editor's canvas (not executed). */
  groups: z.array(FlowGroup).max(200).optional(),
});
/**
 * What a saved draft must already get right while its blocks may still be half-edited: the canvas-only parts
 * (notes, groups), which the publish check never looks at.
 */
export const DraftCanvas = z.object({ notes: FlowDocument.shape.notes, groups: FlowDocument.shape.groups });
/** A parsed flow (defaults applied). */
export type FlowDocument = z.infer<typeof FlowDocument>;
/** A flow as written by hand or sent over the wire (defaults optional). */
export type FlowDocumentInput = z.input<typeof FlowDocument>;
