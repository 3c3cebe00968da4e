import { CONDITION_OPERATORS, type FlowDocumentInput } from '@flowdesk/flow-schema';
import fc from 'fast-check';

const VARS = ['name', 'email', 'plan', 'n', 'contact.email'];
const INTENTS = [
  { id: 'human', name: 'Human', phrases: ['human', 'agent'] },
  { id: 'refund', name: 'Refund', phrases: ['refund', 'money back'] },
];
const LABELS = ['Yes', 'No', 'Pricing', 'Help'];

const varName = fc.constantFrom(...VARS);
const template = fc
  .array(
    fc.oneof(
      fc.constantFrom('Hi ', '!', ' and ', '{{__proto__}}'),
      varName.map((v) => `{{${v}}}`),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join('') || 'Hello');
const pattern = fc.constantFrom('^\\d+$', '@', '/^pro$/i', '.*');

const rule = fc.record({
  variable: varName,
  operator: fc.constantFrom(...CONDITION_OPERATORS),
  value: fc.oneof(template, pattern),
});

const fields = fc.constant([
  { name: 'name', label: 'Name', inputType: 'text' },
  { name: 'mail', label: 'Email', inputType: 'email', required: false },
]);

/** Valid `data` for every block type except start. */
const blockData: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  message: template.map((text) => ({ content: { type: 'text', text } })),
  buttons: fc.record({
    text: template,
    buttons: fc.integer({ min: 1, max: 4 }).map((n) => LABELS.slice(0, n).map((label, i) => ({ id: `b${i}`, label }))),
    allowTyping: fc.boolean(),
    saveAs: varName,
  }),
  capture: fc.oneof(
    fc.record({
      prompt: template,
      inputType: fc.constantFrom('text', 'number', 'email', 'phone', 'url', 'date', 'datetime'),
      saveAs: varName,
      maxRetries: fc.integer({ min: 0, max: 3 }),
      validation: fc.record({ pattern, maxLength: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: [] }),
    }),
    fields.map((f) => ({ prompt: 'Form', inputType: 'form', fields: f, saveAs: 'form' })),
  ),
  condition: fc.record({
    combinator: fc.constantFrom('and', 'or'),
    groups: fc.array(
      fc.record({ combinator: fc.constantFrom('and', 'or'), rules: fc.array(rule, { minLength: 1, maxLength: 3 }) }),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  }),
  set_variable: fc.record({ variable: varName, value: template }),
  http_request: fc.record({
    url: template.map((t) => `https://api.example/${t}`),
    responseMapping: fc.constant([{ path: 'data.name', variable: 'name' }]),
  }),
  ai_answer: fc.record({ knowledge: template, saveAs: varName }),
  ai_agent: fc.record({ knowledge: template }),
  match_intent: fc.subarray(['human', 'refund'], { minLength: 1 }).map((intentIds) => ({ intentIds })),
  human_handoff: fc.record({ noAgentTimeoutMinutes: fc.constantFrom(null, 5) }),
  send_email: fc.record({ to: fc.constant('team@acme.example'), subject: template, body: template }),
  end: fc.record({ message: template }, { requiredKeys: [] }),
  intent_trigger: fc.record({
    intentId: fc.constantFrom('human', 'refund'),
    scope: fc.constantFrom('global', 'local'),
  }),
};

const block = fc
  .constantFrom(...Object.keys(blockData))
  .chain((type) => blockData[type]!.map((data) => ({ type, data })));

/** Random runnable flows: a start block plus up to `max` random blocks, outputs wired at random (or not). */
export const arbitraryFlow = (max = 20): fc.Arbitrary<FlowDocumentInput> =>
  fc.array(block, { minLength: 1, maxLength: max }).chain((specs) => {
    const blocks = [{ id: 'start', type: 'start', data: {} }, ...specs.map((s, i) => ({ id: `k${i}`, ...s }))];
    const ids = blocks.map((b) => b.id);
    // For every possible output handle, maybe a target.
    const handles = ['next', 'b0', 'b1', 'b2', 'b3', 'typed', 'invalid', 'true', 'false', 'success', 'error'];
    const more = ['answered', 'not_found', 'human', 'refund', 'no_match', 'handed_off', 'offline', 'no_agent_timeout'];
    return fc
      .array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...handles, ...more), fc.constantFrom(...ids)), {
        maxLength: ids.length * 3,
      })
      .map((wires) => {
        const seen = new Set<string>();
        const edges = wires
          .filter(([s, h]) => !seen.has(`${s}:${h}`) && seen.add(`${s}:${h}`))
          .map(([source, sourceHandle, target], i) => ({ id: `w${i}`, source, sourceHandle, target }));
        return {
          schemaVersion: 1 as const,
          id: 'random',
          name: 'Random',
          blocks: blocks.map((b, i) => ({ ...b, position: { x: i * 10, y: 0 } })),
          edges,
          intents: INTENTS,
        } as FlowDocumentInput;
      });
  });

/** Anything the host might send, including nonsense. */
export const arbitraryEvent = fc.oneof(
  fc.constant({ type: 'start' }),
  fc.record({
    type: fc.constant('visitor_message'),
    content: fc.record({
      type: fc.constant('text'),
      text: fc.oneof(fc.string(), fc.constantFrom(...LABELS, 'human please', '42', 'a@b.co', '2024-02-30', 'refund')),
    }),
  }),
  fc.record({
    type: fc.constant('visitor_message'),
    content: fc.record({
      type: fc.constant('choice_reply'),
      optionId: fc.constantFrom('b0', 'b1', 'b9'),
      label: fc.constantFrom(...LABELS),
    }),
  }),
  fc.record({
    type: fc.constant('visitor_message'),
    content: fc.record({
      type: fc.constant('form_reply'),
      values: fc.dictionary(fc.constantFrom('name', 'mail', '__proto__'), fc.string()),
    }),
  }),
  fc.record({ type: fc.constant('goto'), blockId: fc.constantFrom('start', 'k0', 'k1', 'k5', 'missing') }),
  fc.record({
    type: fc.constant('set_variables'),
    variables: fc.dictionary(fc.constantFrom(...VARS, '__proto__.x'), fc.jsonValue()),
  }),
  fc.constant({ type: 'no_agent_timeout' }),
  fc.constant({ type: 'handback' }),
  fc.anything(),
);
