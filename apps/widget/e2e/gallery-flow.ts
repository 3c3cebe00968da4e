/** A flow that sends every message type the widget renders and asks every kind of input, in order. */
export function galleryFlow(mediaBase: string) {
  const at = (n: number) => ({ x: n * 250, y: 0 });
  const say = (id: string, content: Record<string, unknown>) => ({ id, type: 'message', data: { content } });
  const ask = (id: string, data: Record<string, unknown>) => ({ id, type: 'capture', data });
  const steps = [
    say('text', { type: 'text', text: 'Plain <b>not bold</b> text with a link: https://acme.example/docs.' }),
    say('image', { type: 'image', url: `${mediaBase}/media/plan.svg`, alt: 'The Pro plan', caption: 'Our Pro plan' }),
    say('bare-image', { type: 'image', url: `${mediaBase}/media/plan.svg` }),
    say('video', { type: 'video', url: `${mediaBase}/media/tour.webm`, caption: 'A short tour' }),
    say('audio', { type: 'audio', url: `${mediaBase}/media/chime.wav`, caption: 'Listen' }),
    say('file', { type: 'file', url: `${mediaBase}/media/terms.txt`, name: 'terms.txt', caption: 'Our terms' }),
    say('script', { type: 'link', url: 'javascript:alert(1)', label: 'Sneaky', text: 'A link that must not work' }),
    say('link', { type: 'link', url: 'https://acme.example/pricing', label: 'See pricing', text: 'All plans' }),
    say('carousel', {
      type: 'carousel',
      cards: [
        {
          title: 'Starter',
          subtitle: '$9 / month',
          imageUrl: `${mediaBase}/media/plan.svg`,
          buttons: [{ label: 'Details', url: 'https://acme.example/starter' }],
        },
        { title: 'Pro', subtitle: '$29 / month', buttons: [{ label: 'Choose Pro', value: 'pro' }] },
      ],
    }),
    ask('form', {
      prompt: 'Tell us about you',
      inputType: 'form',
      saveAs: 'profile',
      fields: [
        { name: 'name', label: 'Your name', inputType: 'text', required: true },
        { name: 'company', label: 'Company', inputType: 'text', required: false },
      ],
    }),
    ask('number', {
      prompt: 'How many seats?',
      inputType: 'number',
      saveAs: 'seats',
      validation: { min: 1, max: 500 },
    }),
    ask('date', { prompt: 'When do you start?', inputType: 'date', saveAs: 'start' }),
    ask('phone', { prompt: 'Your phone?', inputType: 'phone', saveAs: 'phone' }),
    ask('url', { prompt: 'Your website?', inputType: 'url', saveAs: 'site' }),
    say('done', { type: 'text', text: 'Thanks {{profile.name}}: {{seats}} seats from {{start}}.' }),
  ];
  const blocks = [
    { id: 'start', type: 'start', position: at(0), data: {} },
    ...steps.map((b, i) => ({ ...b, position: at(i + 1) })),
    { id: 'end', type: 'end', position: at(steps.length + 1), data: {} },
  ];
  const chain = ['start', ...steps.map((s) => s.id), 'end'];
  const edges = chain.slice(1).map((target, i) => ({ id: `e${i}`, source: chain[i]!, sourceHandle: 'next', target }));
  return { schemaVersion: 1, id: 'gallery', name: 'Gallery', blocks, edges };
}
