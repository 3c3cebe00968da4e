import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('keeps a wrapped paragraph on one line, marks headings, keeps <pre> lines', () => {
    const { title, text } = htmlToText(
      '<html><head><title>npm-ci</title></head><body><h3>Description</h3>' +
        '<p>It is meant for\n<code>continuous\n  integration</code>.</p><pre>npm ci\nnpm test</pre></body></html>',
    );
    expect(title).toBe('npm-ci');
    expect(text).toBe('### Description\nIt is meant for continuous integration.\nnpm ci\nnpm test');
  });
});
