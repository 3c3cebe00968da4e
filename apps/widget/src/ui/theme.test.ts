import { describe, expect, it } from 'vitest';
import { textColorOn } from './theme';

describe('textColorOn', () => {
  it('picks white on dark colours and black on light ones', () => {
    expect(textColorOn('#4f46e5')).toBe('#fff');
    expect(textColorOn('#000')).toBe('#fff');
    expect(textColorOn('#ffeb3b')).toBe('#111');
    expect(textColorOn('#FFFFFF')).toBe('#111');
  });

  it('falls back to white for colours it cannot parse', () => {
    expect(textColorOn('rebeccapurple')).toBe('#fff');
  });
});
