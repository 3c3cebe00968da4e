import { FlowDocument } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { compileFlow } from './compile';
import { supportBotFlow } from './fixtures/support-bot';
import { conversation, texts } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';

test('groups on the canvas change nothing the bot does: same hash, same problems, same conversation', async () => {
  const plain = FlowDocument.parse(supportBotFlow);
  const grouped = {
    ...plain,
    groups: [
      { id: 'g_menu', title: 'Greeting <script>', color: 'green', blockIds: ['welcome', 'menu'] },
      { id: 'g_rest', title: 'Pricing', color: 'blue', blockIds: ['ask_pricing'] },
    ],
  };
  const a = compileFlow(plain);
  const b = compileFlow(grouped);
  expect(b.doc.groups).toHaveLength(2);
  expect(b.flowVersionHash).toBe(a.flowVersionHash);
  expect(b.problems).toEqual(a.problems);
  expect([...b.blockIds]).toEqual([...a.blockIds]);
  expect(JSON.stringify(b.machine.config)).toBe(JSON.stringify(a.machine.config));
  const chatA = conversation(a, fakeEffects());
  const chatB = conversation(b, fakeEffects());
  expect(texts(await chatB.start())).toEqual(texts(await chatA.start()));
  expect(texts(await chatB.click('pricing', 'Pricing'))).toEqual(texts(await chatA.click('pricing', 'Pricing')));
  // A behaviour change still changes the hash, so the check above can fail.
  expect(compileFlow({ ...grouped, name: 'Other' }).flowVersionHash).not.toBe(a.flowVersionHash);
});
