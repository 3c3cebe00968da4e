import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url';

describe('safeUrl', () => {
  it('keeps http(s), mailto and relative URLs', () => {
    for (const url of ['https://acme.example/a.png', 'http://x.example', 'mailto:a@b.example', '/media/plan.svg'])
      expect(safeUrl(url)).toBe(url);
  });

  it('drops script and data URLs, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ])
      expect(safeUrl(url)).toBeNull();
  });
});
