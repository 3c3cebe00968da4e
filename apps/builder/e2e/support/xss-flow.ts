import {
  gridAt as at,
  flowEdge as edge,
  type FlowDocumentInput,
  type MessageBlockContent,
  nextChain,
} from '@flowdesk/flow-schema';
import { labelled, payload, XSS_PAYLOADS } from './xss-corpus';

/** How many menu buttons the flow has (the schema allows 20): one payload label each. */
export const MENU_BUTTONS = 20;
/** Where the flow's Send email block writes. */
export const FLOW_EMAIL_TO = 'flow-mail@example.com';
/** Set with the widget SDK before the loader runs; the flow interpolates it into its texts. */
export const HOST_VARIABLE = 'host_html';

const message = (id: string, x: number, content: MessageBlockContent) => ({
  id,
  type: 'message' as const,
  position: at(x, 1),
  data: { content },
});

/**
 * A flow whose every visitor-facing text, label, intent name and email carries payloads:
 * start → all payloads in one bubble → a variable holding HTML (and the host's HTML variable) → a
 * `javascript:` link and image → a Send email block → a 20-button menu of payload labels → handoff.
 */
export function xssFlow(): FlowDocumentInput {
  const buttons = Array.from({ length: MENU_BUTTONS }, (_, i) => ({ id: `b${i + 1}`, label: labelled('Pick', i + 1) }));
  return {
    schemaVersion: 1,
    id: 'xss-flow',
    name: labelled('Flow', 1, 200),
    settings: { welcome: 'on_open', fallbackMessage: payload(5), intentThreshold: 0.6 },
    variables: [{ name: 'evil', description: payload(3), defaultValue: payload(4) }],
    intents: XSS_PAYLOADS.map((_, i) => ({
      id: `intent_${i + 1}`,
      name: labelled('Intent', i + 1),
      description: payload(i + 1),
      phrases: [`xyzzy phrase ${i + 1}`],
    })),
    blocks: [
      { id: 'start', type: 'start', position: at(0, 1), data: {} },
      message('say_all', 1, { type: 'text', text: XSS_PAYLOADS.join('\n') }),
      {
        id: 'set_evil',
        type: 'set_variable',
        position: at(2, 1),
        data: { variable: 'evil', value: `${payload(2)} + {{${HOST_VARIABLE}}}` },
      },
      message('say_evil', 3, { type: 'text', text: 'Variable says: {{evil}}' }),
      message('link', 4, { type: 'link', url: 'javascript:__xss(101)', label: payload(7), text: payload(1) }),
      message('image', 5, { type: 'image', url: 'javascript:__xss(102)', alt: payload(8), caption: payload(3) }),
      {
        id: 'mail',
        type: 'send_email',
        position: at(6, 1),
        data: { to: FLOW_EMAIL_TO, subject: payload(1), body: `${XSS_PAYLOADS.join('\n\n')}\n\n{{evil}}` },
      },
      {
        id: 'menu',
        type: 'buttons',
        position: at(7, 1),
        data: { text: payload(6), buttons, allowTyping: true, saveAs: 'evil' },
      },
      { id: 'trigger', type: 'intent_trigger', position: at(7, 3), data: { intentId: 'intent_1', scope: 'global' } },
      {
        id: 'handoff',
        type: 'human_handoff',
        position: at(8, 1),
        data: {
          priority: { mode: 'auto' },
          teamId: null,
          confirmationMessage: payload(9),
          offlineMessage: payload(12),
          offlineWhen: 'both',
          noAgentTimeoutMinutes: null,
        },
      },
      { id: 'goodbye', type: 'end', position: at(9, 1), data: { message: payload(15) } },
    ],
    edges: [
      ...nextChain('start', 'say_all', 'set_evil', 'say_evil', 'link', 'image', 'mail', 'menu'),
      ...buttons.map((button) => edge('menu', button.id, 'handoff')),
      edge('menu', 'typed', 'handoff'),
      edge('trigger', 'next', 'handoff'),
      edge('handoff', 'handed_off', 'goodbye'),
      edge('handoff', 'offline', 'goodbye'),
    ],
  };
}
