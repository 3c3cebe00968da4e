import { FlowDocument } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { flowVersionHash } from './compile';
import { supportBotFlow } from './fixtures/support-bot';
import { hashText } from './hash';

test('hashes are stable, 28 hex digits, and differ for small changes', () => {
  expect(hashText('flow')).toBe(hashText('flow'));
  expect(hashText('flow')).toMatch(/^[0-9a-f]{28}$/);
  const hashes = new Set(Array.from({ length: 2000 }, (_, i) => hashText(`flow-${i}`)));
  expect(hashes.size).toBe(2000);
});

test('the flow version hash ignores key order in the input', () => {
  const reversed = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversed)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;
  const a = flowVersionHash(FlowDocument.parse(supportBotFlow));
  const b = flowVersionHash(FlowDocument.parse(reversed(supportBotFlow)));
  expect(JSON.stringify(reversed(supportBotFlow))).not.toBe(JSON.stringify(supportBotFlow));
  expect(b).toBe(a);
});
