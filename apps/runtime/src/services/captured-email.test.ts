import { compileFlow, supportBotFlow } from '@flowdesk/engine';
import { describe, expect, it } from 'vitest';
import { flowDocument, start } from '../../test/fixtures/flow-builder';
import { capturedEmail } from './captured-email';

const withForm = compileFlow(
  flowDocument({
    id: 'form',
    name: 'Form',
    blocks: [
      start(),
      {
        id: 'ask',
        type: 'capture',
        data: {
          prompt: 'About you',
          inputType: 'form',
          saveAs: 'profile',
          fields: [
            { name: 'name', label: 'Name', inputType: 'text' },
            { name: 'work', label: 'Work email', inputType: 'email' },
          ],
        },
      },
    ],
    wires: ['start -> ask'],
  }),
);

describe('capturedEmail', () => {
  const demo = compileFlow(supportBotFlow);

  it("reports the address the flow's email question saved in this step", () => {
    expect(capturedEmail(demo, {}, { email: ' vera@example.com ' })).toBe('vera@example.com');
    expect(capturedEmail(demo, { email: 'old@example.com' }, { email: 'new@example.com' })).toBe('new@example.com');
  });

  it('ignores unchanged, invalid and unrelated values', () => {
    expect(capturedEmail(demo, { email: 'vera@example.com' }, { email: 'vera@example.com' })).toBeNull();
    expect(capturedEmail(demo, {}, { email: 'not an email' })).toBeNull();
    // The one email rule (zod's, from @flowdesk/contract), as the engine's capture and the widget apply it.
    expect(capturedEmail(demo, {}, { email: 'a@b.c' })).toBeNull();
    expect(capturedEmail(demo, {}, { email: 'ada@example.c0m' })).toBeNull();
    expect(capturedEmail(demo, {}, { email: 42 })).toBeNull();
    expect(capturedEmail(demo, {}, { other: 'x@example.com' })).toBeNull();
  });

  it("reads email fields of a form question (saved under the form's variable)", () => {
    expect(capturedEmail(withForm, {}, { profile: { name: 'Vera', work: 'vera@acme.example' } })).toBe(
      'vera@acme.example',
    );
    expect(capturedEmail(withForm, {}, { profile: 'flat' })).toBeNull();
  });
});
