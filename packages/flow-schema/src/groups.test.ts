import { expect, test } from 'vitest';
import { FlowDocument, FlowGroup } from './document';

const base = { schemaVersion: 1, id: 'f', name: 'F', blocks: [] };

test('a group has a title (default "Group"), a named colour and at least one block, each listed once', () => {
  expect(FlowGroup.parse({ id: 'g1', blockIds: ['a'] })).toEqual({
    id: 'g1',
    title: 'Group',
    color: 'blue',
    blockIds: ['a'],
  });
  expect(FlowGroup.parse({ id: 'g1', title: '<img src=x onerror=alert(1)>', blockIds: ['a'] }).title).toBe(
    '<img src=x onerror=alert(1)>',
  );
  const messages = (input: unknown) => FlowGroup.safeParse(input).error?.issues.map((i) => i.message) ?? [];
  expect(messages({ id: 'g1', blockIds: [] })).toEqual(['A group holds at least one block.']);
  expect(messages({ id: 'g1', blockIds: ['a', 'a'] })).toEqual(['A group lists each block once.']);
  expect(FlowGroup.safeParse({ id: 'g1', color: 'red; background:url(x)', blockIds: ['a'] }).success).toBe(false);
  expect(FlowGroup.safeParse({ id: 'g1', title: 'x'.repeat(101), blockIds: ['a'] }).success).toBe(false);
  expect(FlowGroup.safeParse({ id: 'g 1', blockIds: ['a'] }).success).toBe(false);
});

test('a flow keeps its groups, bounded in count and size; a flow without groups stays without', () => {
  expect(FlowDocument.parse(base).groups).toBeUndefined();
  const group = (i: number) => ({ id: `g${i}`, blockIds: ['a'] });
  expect(FlowDocument.parse({ ...base, groups: [group(1)] }).groups).toHaveLength(1);
  expect(FlowDocument.safeParse({ ...base, groups: Array.from({ length: 200 }, (_, i) => group(i)) }).success).toBe(
    true,
  );
  expect(FlowDocument.safeParse({ ...base, groups: Array.from({ length: 201 }, (_, i) => group(i)) }).success).toBe(
    false,
  );
  const huge = { id: 'g', blockIds: Array.from({ length: 501 }, (_, i) => `b${i}`) };
  expect(FlowDocument.safeParse({ ...base, groups: [huge] }).success).toBe(false);
});
