import { describe, expect, it } from 'vitest';
import { describeBrowser, elapsedLabel } from './format-time';

describe('elapsedLabel', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  it('rounds down to minutes, hours and days', () => {
    expect(elapsedLabel('2026-01-10T11:59:30Z', now)).toBe('now');
    expect(elapsedLabel('2026-01-10T11:55:00Z', now)).toBe('5m');
    expect(elapsedLabel('2026-01-10T10:00:00Z', now)).toBe('2h');
    expect(elapsedLabel('2026-01-10T09:35:00Z', now)).toBe('2h 25m');
    expect(elapsedLabel('2026-01-07T12:00:00Z', now)).toBe('3d');
  });
  it('is empty for nothing or garbage, and never negative', () => {
    expect(elapsedLabel(null, now)).toBe('');
    expect(elapsedLabel('not a date', now)).toBe('');
    expect(elapsedLabel('2026-01-10T13:00:00Z', now)).toBe('now');
  });
});

describe('describeBrowser', () => {
  it('names common browsers and systems', () => {
    expect(
      describeBrowser(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      ),
    ).toBe('Chrome 120 on macOS');
    expect(describeBrowser('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0')).toBe(
      'Firefox 121 on Windows',
    );
    expect(
      describeBrowser('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0'),
    ).toBe('Edge 120 on Windows');
    expect(
      describeBrowser(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17 on iOS');
    expect(describeBrowser(null)).toBe('Unknown');
  });
});
