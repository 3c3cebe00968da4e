import fc from 'fast-check';
import { expect, test } from 'vitest';
import { conditionBlock } from '../blocks/condition';
import { evaluateCondition } from '../conditions';
import { interpolate } from '../interpolate';
import { valueToText } from '../variables';
import { validateFlow } from './index';
import { sampleFlow } from './sample-flow';

test('validateFlow never throws on any JSON and always explains itself', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (input) => {
      const problems = validateFlow(input);
      expect(Array.isArray(problems)).toBe(true);
      for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});

test('validateFlow never throws on a flow with random parts replaced', () => {
  const base = sampleFlow() as Record<string, unknown>;
  const keys = Object.keys(base);
  fc.assert(
    fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
      expect(Array.isArray(validateFlow({ ...base, [key]: junk }))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('interpolation and conditions never throw and never leak prototypes', () => {
  const vars = fc.dictionary(fc.string(), fc.jsonValue());
  fc.assert(
    fc.property(fc.string(), vars, (template, variables) => {
      const out = interpolate(`${template}\n{{__proto__}}{{constructor.name}}{{toString}}`, variables);
      const own = (name: string) => (Object.hasOwn(variables, name) ? valueToText(variables[name]) : '');
      expect(out).toBe(`${interpolate(template, variables)}\n${own('constructor.name')}${own('toString')}`);
    }),
  );
  const condition = fc.jsonValue().map((v) => conditionBlock.data.safeParse(v));
  fc.assert(
    fc.property(condition, vars, (parsed, variables) => {
      if (parsed.success) expect(typeof evaluateCondition(parsed.data, variables)).toBe('boolean');
    }),
  );
});
