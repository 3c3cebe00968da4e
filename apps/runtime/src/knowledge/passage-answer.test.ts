import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from './grounding';
import { answerFromPassages, passageSentences } from './passage-answer';
import { readablePassage } from './readable';

const passage = (title: string, content: string, url: string | null = null): RetrievedPassage => ({
  chunkId: 1,
  title,
  url,
  text: readablePassage(content),
});

describe('readablePassage', () => {
  it('turns markdown into prose: no headings, bullets, emphasis, link syntax, tables or code', () => {
    const text = readablePassage(
      [
        '## Delivery',
        '* Parcels leave the **same day** if ordered before 2 pm',
        '1. Track them from [your account](https://shop.example/a)',
        '> Weekends excluded',
        '| Zone | Days |',
        '| --- | --- |',
        '| EU | 3 |',
        '```',
        'curl x',
        '```',
        'Do parcels ship abroad?',
      ].join('\n'),
    );
    expect(text).toBe(
      'Parcels leave the same day if ordered before 2 pm. Track them from your account. Weekends excluded. Zone, Days. EU, 3.',
    );
  });
});

describe('answerFromPassages', () => {
  const returns = passage(
    'Returns',
    '# Returns\n- You can return any item within 30 days.\n- Refunds reach your card within 5 business days.',
    'https://help.example/returns',
  );
  const shipping = passage('Shipping', 'How long does shipping take?\nParcels arrive within three working days.');

  it('answers with the sentence holding the question topic, as written', () => {
    expect(answerFromPassages('How long do refunds take?', [shipping, returns])).toMatchObject({
      found: true,
      answer: 'Refunds reach your card within 5 business days.',
      passage: returns,
    });
    expect(answerFromPassages('when will my parcels arrive', [returns, shipping])).toMatchObject({
      found: true,
      answer: 'Parcels arrive within three working days.',
      passage: shipping,
    });
  });

  it("answers with a Q&A pair's whole answer, as the admin wrote it", () => {
    // As the indexer reads a pair: titled by its question, the answer as text (a short "Yes." first).
    const pair = passage('Can I pay with Apple Pay?', 'Yes. At checkout you can pay with Apple Pay or any major card.');
    expect(answerFromPassages('Do you take Apple Pay?', [shipping, pair])).toMatchObject({
      found: true,
      answer: 'Yes. At checkout you can pay with Apple Pay or any major card.',
      passage: pair,
    });
  });

  it('not found when no sentence holds half of the topic words, or the question has none', () => {
    expect(answerFromPassages('Do you sell gift cards?', [returns, shipping]).found).toBe(false);
    expect(answerFromPassages('How long does it take?', [returns, shipping]).found).toBe(false);
    expect(answerFromPassages('refunds', []).found).toBe(false);
  });

  it('cuts a very long sentence at a word', () => {
    const long = passage('Long', `Refunds ${'are processed carefully '.repeat(40)}today.`);
    const { answer } = answerFromPassages('refunds', [long]);
    expect(answer.length).toBeLessThanOrEqual(421);
    expect(answer.endsWith('…')).toBe(true);
  });

  it('keeps file names and versions inside their sentence', () => {
    expect(passageSentences('Save the credentials to the .npmrc file. Node.js 20.1 is needed. then more')).toEqual([
      'Save the credentials to the .npmrc file.',
      'Node.js 20.1 is needed. then more',
    ]);
  });

  it('reads a sentence under its passage title, but never quotes a heading-sized line', () => {
    const unpublish = passage('npm-unpublish', 'Unpublish.\nYou may not publish again until 24 hours have passed.');
    expect(answerFromPassages('how long after unpublish can I publish again', [unpublish])).toMatchObject({
      found: true,
      answer: 'You may not publish again until 24 hours have passed.',
    });
    expect(answerFromPassages('unpublish', [passage('npm-unpublish', 'Unpublish now.')]).found).toBe(false);
  });

  it('not found when the passages never mention one of the topic words', () => {
    expect(answerFromPassages('How long do refunds take with PayPal?', [returns, shipping]).found).toBe(false);
  });
  it('adds a sentence further on in the passage that holds a topic word the chosen ones lack', () => {
    const install = passage(
      'Downloading and installing Node.js and npm',
      [
        'Installing Node.js installs npm along with it on every platform.',
        'The registry holds public packages that anyone can download.',
        'Configuration lives in the user config file in your home folder.',
        'We strongly recommend a version manager such as nvm for that.',
      ].join(' '),
    );
    const { answer } = answerFromPassages('What is the recommended way to install Node.js and npm?', [install]);
    expect(answer).toBe(
      'Installing Node.js installs npm along with it on every platform. We strongly recommend a version manager such as nvm for that.',
    );
  });
});
