import { describe, expect, test } from 'vitest';
import { interpolate, templateVariables } from './interpolate';

const vars = {
  name: 'Ada',
  user: { email: 'ada@example.com', tags: ['a', 'b'] },
  count: 3,
  flag: false,
  'x.y': 'flat',
};

describe('interpolate', () => {
  test('fills simple and nested variables, with or without spaces', () => {
    expect(interpolate('Hi {{name}}, mail {{ user.email }}', vars)).toBe('Hi Ada, mail ada@example.com');
    expect(interpolate('{{count}} {{flag}} {{user.tags.1}}', vars)).toBe('3 false b');
    expect(interpolate('{{x.y}}', vars)).toBe('flat');
  });

  test('missing variables become empty, objects render as JSON', () => {
    expect(interpolate('[{{missing}}][{{user.nothing.deeper}}]', vars)).toBe('[][]');
    expect(interpolate('{{user.tags}}', vars)).toBe('["a","b"]');
  });

  test('never reaches prototypes or evaluates code', () => {
    expect(interpolate('{{__proto__}}|{{constructor}}|{{name.constructor}}|{{user.__proto__.x}}', vars)).toBe('|||');
    expect(interpolate('{{toString}}{{ 1 + 1 }}', vars)).toBe('{{ 1 + 1 }}');
    expect(interpolate('{{name.length}}', vars)).toBe('');
  });

  test('lists the variables a template uses', () => {
    expect(templateVariables('{{a}} and {{ b.c }} and {{ not valid }}')).toEqual(['a', 'b.c']);
  });
});
