import type { FlowDocumentInput } from '../../packages/flow-schema/src/index';

/**
 * A realistic big flow: `sections` repeats of menu → capture → condition → AI → HTTP → set → message,
 * with intents, global triggers and a shared handoff, about 10 blocks per section.
 */
export function generateFlow(blockCount: number): FlowDocumentInput {
  const blocks: Array<Record<string, unknown>> = [{ id: 'start', type: 'start', data: {} }];
  const edges: Array<[string, string, string]> = [];
  const intents = Array.from({ length: 10 }, (_, i) => ({
    id: `intent${i}`,
    name: `Intent ${i}`,
    phrases: [`phrase ${i}`],
  }));
  const add = (id: string, type: string, data: Record<string, unknown>) => blocks.push({ id, type, data });
  add('handoff', 'human_handoff', {});
  add('offline', 'message', { content: { type: 'text', text: 'We are offline, {{name}}' } });
  edges.push(['handoff', 'offline', 'offline']);
  let previous = ['start', 'next'] as [string, string];
  for (let s = 0; blocks.length + 10 <= blockCount; s++) {
    const p = `s${s}_`;
    add(`${p}menu`, 'buttons', {
      text: 'Section {{section}}: pick one',
      buttons: [
        { id: 'a', label: 'Ask' },
        { id: 'b', label: 'Agent' },
      ],
      saveAs: 'choice',
    });
    add(`${p}ask`, 'capture', { prompt: 'Your email?', inputType: 'email', saveAs: 'email', maxRetries: 1 });
    add(`${p}check`, 'condition', {
      groups: [{ combinator: 'and', rules: [{ variable: 'email', operator: 'ends_with', value: '.com' }] }],
    });
    add(`${p}ai`, 'ai_answer', { knowledge: `Section ${s} knowledge`, saveAs: 'answer' });
    add(`${p}api`, 'http_request', {
      url: 'https://api.example/{{email}}',
      responseMapping: [{ path: 'plan', variable: 'plan' }],
    });
    add(`${p}set`, 'set_variable', { variable: 'section', value: `${s}` });
    add(`${p}say`, 'message', { content: { type: 'text', text: 'Plan {{plan}}, answer {{answer}}' } });
    add(`${p}match`, 'match_intent', { intentIds: [`intent${s % 10}`] });
    add(`${p}mail`, 'send_email', { to: 'team@acme.example', subject: 'Lead {{email}}', body: '{{answer}}' });
    add(`${p}trigger`, 'intent_trigger', { intentId: `intent${s % 10}`, scope: s % 2 ? 'global' : 'local' });
    edges.push(
      [previous[0], previous[1], `${p}menu`],
      [`${p}menu`, 'a', `${p}ask`],
      [`${p}menu`, 'b', 'handoff'],
      [`${p}ask`, 'next', `${p}check`],
      [`${p}ask`, 'invalid', 'handoff'],
      [`${p}check`, 'true', `${p}ai`],
      [`${p}check`, 'false', `${p}menu`],
      [`${p}ai`, 'answered', `${p}api`],
      [`${p}ai`, 'not_found', 'handoff'],
      [`${p}api`, 'success', `${p}set`],
      [`${p}api`, 'error', `${p}set`],
      [`${p}set`, 'next', `${p}say`],
      [`${p}say`, 'next', `${p}match`],
      [`${p}match`, `intent${s % 10}`, `${p}mail`],
      [`${p}match`, 'no_match', `${p}mail`],
      [`${p}trigger`, 'next', `${p}menu`],
    );
    previous = [`${p}mail`, 'next'];
  }
  while (blocks.length < blockCount) {
    const id = `tail${blocks.length}`;
    add(id, 'message', { content: { type: 'text', text: 'Almost done' } });
    edges.push([previous[0], previous[1], id]);
    previous = [id, 'next'];
  }
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Benchmark flow',
    blocks: blocks.map((b, i) => ({ ...b, position: { x: (i % 25) * 300, y: Math.floor(i / 25) * 200 } })) as never,
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
    variables: [{ name: 'name', defaultValue: 'friend' }],
    intents,
  };
}
