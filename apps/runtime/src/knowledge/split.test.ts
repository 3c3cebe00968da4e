import { describe, expect, it } from 'vitest';
import { reflowPdfText } from './file-parse';
import { rerank } from './rerank';
import { chunkHeadings, sectionsOf, splitDocuments } from './split';

describe('section-aware splitting', () => {
  it('keeps each section with its heading path, leaves out a table of contents and code comments', () => {
    const text = [
      '## Table of contents',
      'Synopsis',
      'Description',
      'Configuration',
      'save',
      'dry-run',
      '## Description',
      'Installs a package.',
      '```',
      '# not a heading',
      '```',
      '## Configuration',
      '### save',
      'Saves installed packages to package.json.',
    ].join('\n');
    expect(sectionsOf(text)).toEqual([
      { headings: ['## Description'], body: 'Installs a package.\n```\n# not a heading\n```' },
      { headings: ['## Configuration', '### save'], body: 'Saves installed packages to package.json.' },
    ]);
  });

  it('starts every chunk with its headings, which name its section', async () => {
    const [chunk] = await splitDocuments([
      { title: 'npm-ci', url: null, text: '## Configuration\n### dry-run\nNothing is written.' },
    ]);
    expect(chunk?.text).toBe('## Configuration\n### dry-run\nNothing is written.');
    expect(chunkHeadings(chunk!.text)).toBe('Configuration › dry-run');
  });
});

describe('PDF text reflow', () => {
  it('joins wrapped lines into paragraphs and marks bare title lines as headings', () => {
    const wide = 'This paragraph was wrapped at the width of the printed page by the PDF writer so';
    const text = ['Getting started', wide, 'it continues here.', 'Adding dependencies', `${wide} again.`].join('\n');
    expect(reflowPdfText(text)).toBe(
      `## Getting started\n${wide} it continues here.\n## Adding dependencies\n${wide} again.`,
    );
  });
});

describe('second-stage ranking', () => {
  const words = [
    { word: 'cache', idf: 1 },
    { word: 'clean', idf: 2 },
  ];
  it('ranks the chunk covering every question word, in its heading or body, above one repeating a word', () => {
    const repeating = { title: 'npm-cache', content: 'The cache. The cache. The cache folder holds the cache.' };
    const covering = { title: 'npm-cache', content: '### clean\nDeletes entries from the cache.' };
    const [first, second] = rerank(words, [repeating, covering]);
    expect(first).toMatchObject({ content: covering.content, coverage: 1 });
    expect(second?.coverage).toBeCloseTo(1 / 3);
  });
});
