import { compileFlow } from '@flowdesk/engine';
import { FlowDocument } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { testServer } from '../api/test-server';
import { sampleFlow } from '../editor/model/test-flow';
import { PreviewSession, replyText } from './preview-session';
import { testEffects } from './test-effects';

function session(agentsAvailable: boolean, doc = sampleFlow()) {
  const { effects, notes } = testEffects({ agentsAvailable: () => agentsAvailable });
  return { session: new PreviewSession(compileFlow(doc), effects), notes };
}

describe('preview session', () => {
  test('runs the draft: greeting, buttons, then a handoff that alerts nobody', async () => {
    const { session: chat, notes } = session(true);
    const first = await chat.start({ name: 'Ada' });
    expect(first.outputs[0]).toEqual({ type: 'text', text: 'Hi Ada!' });
    expect(first.awaiting).toMatchObject({ type: 'choice', options: [{ id: 'pricing' }, { id: 'human' }] });
    expect(first.activeBlockId).toBe('menu');

    const second = await chat.reply({ type: 'choice_reply', optionId: 'human', label: 'Human' });
    expect(second.status).toBe('handoff');
    expect(second.activeBlockId).toBe('handoff');
    expect(notes.at(-1)).toMatchObject({ kind: 'handoff', text: expect.stringContaining('no one was alerted') });
  });

  test('with nobody available the offline path is followed', async () => {
    const { session: chat, notes } = session(false);
    await chat.start();
    const result = await chat.reply({ type: 'choice_reply', optionId: 'human', label: 'Human' });
    expect(result.status).toBe('ended');
    expect(notes.at(-1)!.text).toContain('Offline');
  });
});

describe('preview HTTP effect', () => {
  const server = testServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2000);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ plan: 'pro' }));
  });

  test('really calls the URL and returns the parsed body', async () => {
    const { effects, notes } = testEffects();
    const result = await effects.http({
      method: 'GET',
      url: `${server.url}/plan`,
      headers: {},
      body: undefined,
      timeoutMs: 1000,
    });
    expect(result).toEqual({ status: 200, body: { plan: 'pro' } });
    expect(notes[0]!.text).toContain('answered 200');
  });

  test('a step through an HTTP block runs the call inline: it ends waiting with the reply, nothing left pending', async () => {
    const at = { x: 0, y: 0 };
    const doc = {
      schemaVersion: 1,
      id: 'plan',
      name: 'Plan',
      variables: [{ name: 'plan' }],
      blocks: [
        { id: 'start', type: 'start', position: at, data: {} },
        {
          id: 'ask',
          type: 'capture',
          position: at,
          data: { prompt: 'Account?', inputType: 'text', saveAs: 'account' },
        },
        {
          id: 'lookup',
          type: 'http_request',
          position: at,
          data: { url: `${server.url}/plan`, timeoutMs: 1000, responseMapping: [{ path: 'plan', variable: 'plan' }] },
        },
        { id: 'say', type: 'message', position: at, data: { content: { type: 'text', text: 'Plan: {{plan}}' } } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'lookup' },
        { id: 'e3', source: 'lookup', sourceHandle: 'success', target: 'say' },
        { id: 'e4', source: 'say', sourceHandle: 'next', target: 'ask' },
      ],
    };
    const { session: chat, notes } = session(true, FlowDocument.parse(doc));
    await chat.start();
    const result = await chat.reply({ type: 'text', text: 'acme' });
    expect(result.pending).toBeNull();
    expect(result.status).toBe('waiting');
    expect(result.outputs).toEqual([
      { type: 'text', text: 'Plan: pro' },
      expect.objectContaining({ type: 'input', prompt: 'Account?' }),
    ]);
    expect(notes.map((n) => n.kind)).toEqual(['http']);
  });

  test('times out and says so', async () => {
    const { effects, notes } = testEffects();
    await expect(
      effects.http({ method: 'GET', url: `${server.url}/slow`, headers: {}, body: undefined, timeoutMs: 100 }),
    ).rejects.toThrow();
    expect(notes[0]!.text).toContain('no answer within 100 ms');
  });
});

test('replyText shows what the visitor sent', () => {
  expect(replyText({ type: 'choice_reply', optionId: 'a', label: 'Pricing' })).toBe('Pricing');
  expect(replyText({ type: 'form_reply', values: { name: 'Ada', email: 'a@b.c' } })).toBe('name: Ada, email: a@b.c');
});
