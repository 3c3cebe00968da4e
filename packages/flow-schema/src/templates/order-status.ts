import { at } from './layout';
import { endWith, handoffToTeam, starterFlow, textMessage } from './starter-flow';

/** Order status: ask for the order number, look it up over HTTP, tell the status; failures go to a person. */
export const orderStatusTemplate = starterFlow({
  id: 'order_status',
  name: 'Order status',
  fallbackMessage: 'Please type your order number.',
  variables: {
    order_number: 'The order the visitor asks about',
    order_status: 'Status from your order API',
    delivery_date: 'Expected delivery from your order API',
  },
  blocks: [
    {
      id: 'ask_order',
      type: 'capture',
      position: at(1, 1),
      data: {
        prompt: "Hi! What's your order number? You'll find it in your confirmation email.",
        inputType: 'text',
        placeholder: 'e.g. 10423',
        saveAs: 'order_number',
        validation: { pattern: '[A-Za-z0-9-]{3,20}' },
        retryMessage: 'Order numbers are 3 to 20 letters, digits or dashes. Could you check it?',
        maxRetries: 2,
      },
    },
    {
      id: 'lookup',
      type: 'http_request',
      position: at(2, 1),
      data: {
        method: 'GET',
        url: 'https://shop.example.com/api/orders/{{order_number}}',
        headers: [{ name: 'Accept', value: 'application/json' }],
        timeoutMs: 10_000,
        responseMapping: [
          { path: 'status', variable: 'order_status' },
          { path: 'deliveryDate', variable: 'delivery_date' },
        ],
      },
    },
    {
      id: 'found',
      type: 'condition',
      position: at(3, 1),
      data: { groups: [{ rules: [{ variable: 'order_status', operator: 'is_not_empty' }] }] },
    },
    textMessage(
      'tell_status',
      at(4, 0),
      'Order {{order_number}} is {{order_status}}. Expected delivery: {{delivery_date}}.',
    ),
    textMessage('lookup_failed', at(4, 2), "I couldn't look up order {{order_number}} right now. Let me get a person."),
    handoffToTeam('handoff', at(5, 2), {
      offlineMessage: "We're offline right now; we'll look into order {{order_number}} first thing.",
    }),
    endWith('goodbye', at(6, 1), 'Anything else? Just write here anytime.'),
  ],
  exits: {
    ask_order: { next: 'lookup', invalid: 'lookup_failed' },
    lookup: { success: 'found', error: 'lookup_failed' },
    found: { true: 'tell_status', false: 'lookup_failed' },
    tell_status: { next: 'goodbye' },
    lookup_failed: { next: 'handoff' },
    handoff: { handed_off: 'goodbye', offline: 'goodbye' },
  },
});
