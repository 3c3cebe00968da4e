import { Validator } from '@cfworker/json-schema';
import { expect, test } from 'vitest';
import { toJsonSchema } from './json-schema';
import { sampleFlow } from './validate/sample-flow';

test('the exported JSON Schema accepts a valid flow and rejects broken ones', () => {
  const validator = new Validator(toJsonSchema() as never, '2020-12', false);
  expect(validator.validate(sampleFlow()).errors).toEqual([]);
  expect(validator.validate({ ...sampleFlow(), schemaVersion: 2 }).valid).toBe(false);
  const badBlock = { id: 'b', type: 'buttons', position: { x: 0, y: 0 }, data: { text: 'x', buttons: [] } };
  expect(validator.validate({ ...sampleFlow(), blocks: [badBlock] }).valid).toBe(false);
});
