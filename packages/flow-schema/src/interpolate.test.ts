import { describe, expect, test } from 'vitest';
import { interpolate, interpolateLines, templateVariables } from './interpolate';

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

  test('a line labelling a value the conversation lacks is left out of a text to read', () => {
    const body = 'Contact: {{user.email}}\nTopic: {{topic}}\n{{missing}}\nNote: {{missing}} (if any)\nThanks, {{name}}';
    expect(interpolateLines(body, vars)).toBe('Contact: ada@example.com\nNote:  (if any)\nThanks, Ada');
    expect(interpolateLines('Plain\n\nText:', vars)).toBe('Plain\n\nText:');
    expect(interpolateLines('Count: {{count}}\nFlag: {{flag}}', vars)).toBe('Count: 3\nFlag: false');
  });

  test('lists the variables a template uses', () => {
    expect(templateVariables('{{a}} and {{ b.c }} and {{ not valid }}')).toEqual(['a', 'b.c']);
  });
});
