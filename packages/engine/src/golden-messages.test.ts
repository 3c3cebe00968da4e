import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import { conversation, texts } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';
import { ask, branchingFlow, flowWithTrigger, msg, tinyFlow } from './testing/tiny-flow';

const run = (flow: Parameters<typeof compileFlow>[0], effects = fakeEffects()) =>
  conversation(compileFlow(flow), effects);

describe('golden: one per block type (messages and questions)', () => {
  test('start: runs to the first waiting point; without an outgoing edge the conversation ends', async () => {
    const chat = run(tinyFlow([msg('hi', 'Hello')], []));
    const result = await chat.start();
    expect(result).toMatchObject({ outputs: [{ type: 'text', text: 'Hello' }], status: 'ended', activeBlockId: null });
  });

  test('message: every content kind, with {{variables}} filled in', async () => {
    const contents = [
      { type: 'text', text: 'Hi {{visitor.name}}, plan {{ plan }}' },
      { type: 'image', url: 'https://x.example/{{plan}}.png', alt: 'Plan' },
      { type: 'video', url: 'https://x.example/v.mp4', caption: 'Watch' },
      { type: 'audio', url: 'https://x.example/a.mp3' },
      { type: 'file', url: 'https://x.example/f.pdf', name: 'Guide {{plan}}.pdf' },
      { type: 'link', url: 'https://x.example/p', label: 'Open {{plan}}' },
      { type: 'carousel', cards: [{ title: '{{plan}}', buttons: [{ label: 'Buy', url: 'https://x.example/buy' }] }] },
    ];
    const blocks = contents.map((content, i) => ({ id: `m${i}`, type: 'message', data: { content } }));
    const edges = blocks.slice(1).map((b, i) => [`m${i}`, 'next', b.id] as [string, string, string]);
    const chat = run(tinyFlow(blocks, edges, { variables: [{ name: 'plan', defaultValue: 'Pro' }] }));
    const { outputs } = await chat.start({ 'visitor.name': 'Ada' });
    const [text, image, video, audio, file, link] = contents;
    expect(outputs).toEqual([
      { ...text, text: 'Hi Ada, plan Pro' },
      { ...image, url: 'https://x.example/Pro.png' },
      video,
      audio,
      { ...file, name: 'Guide Pro.pdf' },
      { ...link, label: 'Open Pro' },
      { type: 'carousel', cards: [{ title: 'Pro', buttons: [{ label: 'Buy', url: 'https://x.example/buy' }] }] },
    ]);
  });

  const buttons = (extra: Record<string, unknown> = {}) =>
    branchingFlow(
      {
        id: 'ask',
        type: 'buttons',
        data: {
          text: 'Pick',
          buttons: [
            { id: 'a', label: 'Apples' },
            { id: 'b', label: 'Bananas' },
          ],
          saveAs: 'fruit',
          ...extra,
        },
      },
      [
        ['a', 'gotA', 'A: {{fruit}}'],
        ['b', 'gotB', 'B'],
        ['typed', 'typed', 'You typed {{fruit}}'],
      ],
    );

  test('buttons: a choice, one output per button, typed label counts as a click, fallback otherwise', async () => {
    const chat = run(buttons());
    const asked = await chat.start();
    const choice = {
      type: 'choice',
      text: 'Pick',
      options: [
        { id: 'a', label: 'Apples' },
        { id: 'b', label: 'Bananas' },
      ],
      allowTyping: false,
    };
    expect(asked.outputs).toEqual([choice]);
    expect(asked.awaiting).toEqual(choice);
    const fallback = await chat.say('pears');
    expect(fallback.outputs).toEqual([
      { ...choice, text: "Sorry, I didn't get that. Please pick one of the options." },
    ]);
    expect(fallback.activeBlockId).toBe('ask');
    expect(texts(await chat.say(' apples '))).toEqual(['A: Apples']);
    const other = run(buttons());
    await other.start();
    expect(texts(await other.click('b', 'Bananas'))).toEqual(['B']);
  });

  test('buttons with allowTyping: free text follows "typed" and is saved', async () => {
    const chat = run(buttons({ allowTyping: true }));
    expect((await chat.start()).awaiting).toMatchObject({ allowTyping: true });
    expect(texts(await chat.say('cherries'))).toEqual(['You typed cherries']);
  });

  const capture = (data: Record<string, unknown>) =>
    tinyFlow(
      [
        {
          id: 'ask',
          type: 'capture',
          data: { prompt: 'Value?', saveAs: 'v', maxRetries: 1, retryMessage: 'Again', ...data },
        },
        msg('ok', 'Saved {{v}}'),
        msg('bad', 'Giving up'),
      ],
      [
        ['ask', 'next', 'ok'],
        ['ask', 'invalid', 'bad'],
      ],
    );

  test('capture: prompt, validation error and retry, then success', async () => {
    const chat = run(capture({ inputType: 'number', validation: { min: 1, max: 10 } }));
    expect((await chat.start()).awaiting).toEqual({ type: 'input', prompt: 'Value?', inputType: 'number' });
    expect((await chat.say('42')).outputs).toEqual([{ type: 'validation_error', text: 'Again' }]);
    const ok = await chat.say('7');
    expect(texts(ok)).toEqual(['Saved 7']);
    expect(ok.variables.v).toBe(7);
  });

  test('capture: too many wrong answers follow "invalid"', async () => {
    const chat = run(capture({ inputType: 'email' }));
    await chat.start();
    await chat.say('nope');
    expect(texts(await chat.say('still nope'))).toEqual(['Giving up']);
  });

  test('capture: multi-field form saves an object', async () => {
    const fields = [
      { name: 'name', label: 'Name', inputType: 'text' },
      { name: 'email', label: 'Email', inputType: 'email' },
      { name: 'phone', label: 'Phone', inputType: 'phone', required: false },
    ];
    const chat = run(capture({ inputType: 'form', fields, prompt: 'Who are you?' }));
    expect((await chat.start()).awaiting).toMatchObject({
      type: 'input',
      inputType: 'form',
      fields: expect.any(Array),
    });
    expect((await chat.say('Ada')).outputs[0]?.type).toBe('validation_error');
    const done = await chat.send({
      type: 'visitor_message',
      content: { type: 'form_reply', values: { name: 'Ada', email: 'ada@example.com' } },
    });
    expect(done.variables.v).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });

  test('end: says its message and ends; later text stays ended', async () => {
    const chat = run(tinyFlow([{ id: 'bye', type: 'end', data: { message: 'Bye {{visitor.name}}' } }], []));
    const result = await chat.start({ visitor: { name: 'Ada' } });
    expect(result).toMatchObject({ outputs: [{ type: 'text', text: 'Bye Ada' }], status: 'ended', awaiting: null });
    expect(await chat.say('hello?')).toMatchObject({ outputs: [], status: 'ended' });
  });

  test('intent_trigger (global): a matching message anywhere jumps to it; below the threshold it does not', async () => {
    const flow = flowWithTrigger(
      [ask('ask', 'Name?', 'name'), msg('named', 'Hi {{name}}')],
      [['ask', 'next', 'named']],
      {
        intent: { id: 'refund', name: 'Refund', phrases: ['money back'] },
        scope: 'global',
        reply: 'Refunds take 5 days',
      },
    );
    const effects = fakeEffects();
    const chat = run(flow, effects);
    await chat.start();
    expect(texts(await chat.say('I want my money back'))).toEqual(['Refunds take 5 days']);
    expect(effects.calls.classify[0]?.intents.map((i) => i.id)).toEqual(['refund']);

    const unsure = run(flow, fakeEffects({ confidence: 0.3 }));
    await unsure.start();
    expect(texts(await unsure.say('money back'))).toEqual(['Hi money back']);
  });

  test('intent_trigger (local): only where typed text is otherwise unusable', async () => {
    const pick = { id: 'ask', type: 'buttons', data: { text: 'Pick', buttons: [{ id: 'a', label: 'A' }] } };
    const flow = flowWithTrigger([pick, msg('gotA', 'A')], [['ask', 'a', 'gotA']], {
      intent: { id: 'hours', name: 'Opening hours', phrases: ['open'] },
      scope: 'local',
      reply: 'We open at 9',
    });
    const chat = run(flow);
    await chat.start();
    expect(texts(await chat.say('when are you open?'))).toEqual(['We open at 9']);
    const other = run(flow);
    await other.start();
    expect((await other.say('blah')).outputs[0]).toMatchObject({
      type: 'choice',
      text: expect.stringContaining('Sorry'),
    });
    // A typed button label is a click: nothing to classify.
    const effects = fakeEffects();
    const third = run(flow, effects);
    await third.start();
    expect(texts(await third.say(' a '))).toEqual(['A']);
    expect(effects.calls.classify).toEqual([]);
  });
});
