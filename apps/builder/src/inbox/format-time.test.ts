import { describe, expect, it } from 'vitest';
import { describeBrowser, elapsedLabel } from './format-time';

describe('elapsedLabel', () => {
  const now = Date.parse('2026-01-10T12:00:00Z');
  it.each([
    ['2026-01-10T11:59:30Z', 'now'],
    ['2026-01-10T11:55:00Z', '5m'],
    ['2026-01-10T10:00:00Z', '2h'],
    ['2026-01-10T09:35:00Z', '2h 25m'],
    ['2026-01-07T12:00:00Z', '3d'],
  ])('rounds %s down to minutes, hours and days: %s', (since, label) => {
    expect(elapsedLabel(since, now)).toBe(label);
  });
  it.each([
    [null, ''],
    ['not a date', ''],
    ['2026-01-10T13:00:00Z', 'now'],
  ])('is empty for nothing or garbage, and never negative: %s reads "%s"', (since, label) => {
    expect(elapsedLabel(since, now)).toBe(label);
  });
});

describe('describeBrowser', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
      'Chrome 120 on macOS',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox 121 on Windows'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', 'Edge 120 on Windows'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari 17 on iOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
      'Chrome 120 on iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 Chrome/115.0 Mobile Safari/537.36 SamsungBrowser/23.0',
      'Samsung Internet 23 on Android',
    ],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 OPR/106.0', 'Opera 106 on Windows'],
    // Not a browser (an API client): its own name rather than "Browser".
    ['curl/8.5.0', 'curl 8.5.0'],
    ['node', 'node'],
    [null, 'Unknown'],
  ])('names common browsers and systems: %s is %s', (userAgent, description) => {
    expect(describeBrowser(userAgent)).toBe(description);
  });
});
