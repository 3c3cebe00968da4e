import type { FlowDocumentInput } from '../document';
import { at, edge } from './layout';

type BlockInput = FlowDocumentInput['blocks'][number];
type BlockInputOf<T extends BlockInput['type']> = Extract<BlockInput, { type: T }>;
type Position = BlockInput['position'];

interface StarterFlowParts {
  id: string;
  name: string;
  /** What the bot says when typed text fits no option. */
  fallbackMessage?: string;
  /** Each variable's name and what it holds. */
  variables: Record<string, string>;
  /** Every block after the start block, which the flow gets at (0, 1) leading to the first of these. */
  blocks: [BlockInput, ...BlockInput[]];
  /** Each block's exits, output handle → the block it leads to; the edges keep the order written. */
  exits: Record<string, Record<string, string>>;
}

/** A template's document: every starter flow greets when the widget opens and matches intents at 0.6. */
export function starterFlow({
  id,
  name,
  fallbackMessage = 'Please pick one of the options below.',
  variables,
  blocks,
  exits,
}: StarterFlowParts): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id,
    name,
    settings: { welcome: 'on_open', fallbackMessage, intentThreshold: 0.6 },
    variables: Object.entries(variables).map(([name, description]) => ({ name, description })),
    blocks: [{ id: 'start', type: 'start', position: at(0, 1), data: {} }, ...blocks],
    edges: [
      edge('start', 'next', blocks[0].id),
      ...Object.entries(exits).flatMap(([source, targets]) =>
        Object.entries(targets).map(([handle, target]) => edge(source, handle, target)),
      ),
    ],
  };
}

export const textMessage = (id: string, position: Position, text: string): BlockInputOf<'message'> => ({
  id,
  type: 'message',
  position,
  data: { content: { type: 'text', text } },
});

/** Asks `text` with one button per `options` entry (button id → label); the label picked goes into `saveAs`. */
export const buttonMenu = (
  id: string,
  position: Position,
  text: string,
  options: Record<string, string>,
  saveAs?: string,
): BlockInputOf<'buttons'> => ({
  id,
  type: 'buttons',
  position,
  data: {
    text,
    buttons: Object.entries(options).map(([id, label]) => ({ id, label })),
    ...(saveAs === undefined ? {} : { saveAs }),
  },
});

/** Sends an email; address, subject and body may hold {{variables}}. */
export const sendEmail = (
  id: string,
  position: Position,
  { to, subject, body }: { to: string; subject: string; body: string },
): BlockInputOf<'send_email'> => ({ id, type: 'send_email', position, data: { to, subject, body } });

/** Ends the conversation with a last message. */
export const endWith = (id: string, position: Position, message: string): BlockInputOf<'end'> => ({
  id,
  type: 'end',
  position,
  data: { message },
});

/** Asks `prompt`, to be answered as `inputType`; the answer goes into `saveAs`. */
export const askInput = (
  id: string,
  position: Position,
  prompt: string,
  inputType: BlockInputOf<'capture'>['data']['inputType'],
  saveAs: string,
): BlockInputOf<'capture'> => ({ id, type: 'capture', position, data: { prompt, inputType, saveAs } });

/** Asks a free-text question; the answer goes into `saveAs`. */
export const askText = (id: string, position: Position, prompt: string, saveAs: string) =>
  askInput(id, position, prompt, 'text', saveAs);

/** Asks for an email into `email`; two wrong answers lead out through `invalid`. */
export const askEmail = (
  id: string,
  position: Position,
  { prompt, placeholder }: { prompt: string; placeholder: string },
): BlockInputOf<'capture'> => ({
  id,
  type: 'capture',
  position,
  data: {
    prompt,
    inputType: 'email',
    placeholder,
    saveAs: 'email',
    retryMessage: "That doesn't look like an email address. Could you check it?",
    maxRetries: 2,
  },
});

/** Hands off to any team with the priority the AI judges; offline outside office hours or with nobody online. */
export const handoffToTeam = (
  id: string,
  position: Position,
  {
    confirmationMessage = 'Connecting you with our team. Someone will reply here shortly.',
    offlineMessage,
    noAgentTimeoutMinutes = null,
  }: { confirmationMessage?: string; offlineMessage: string; noAgentTimeoutMinutes?: number | null },
): BlockInputOf<'human_handoff'> => ({
  id,
  type: 'human_handoff',
  position,
  data: {
    priority: { mode: 'auto' },
    teamId: null,
    confirmationMessage,
    offlineMessage,
    offlineWhen: 'both',
    noAgentTimeoutMinutes,
  },
});
