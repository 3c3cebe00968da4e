import { OpenAIEmbeddings } from '@langchain/openai';
import { describe, expect, it } from 'vitest';
import { fakeEmbedding } from './fake-embeddings';
import { fakeOpenAiPerSuite } from './fake-openai-per-suite';

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

const openai = fakeOpenAiPerSuite();

describe('fake OpenAI embeddings', () => {
  it('gives unit vectors, near for shared words or folded synonyms, orthogonal otherwise', () => {
    const refund = fakeEmbedding('Refunds are paid within five days', 128);
    expect(Math.hypot(...refund)).toBeCloseTo(1, 6);
    expect(fakeEmbedding('Refunds are paid within five days', 128)).toEqual(refund);
    expect(dot(refund, fakeEmbedding('When will I get my money back?', 128))).toBeGreaterThan(0.2);
    expect(dot(refund, fakeEmbedding('volcano eruption forecast', 128))).toBeLessThan(0.2);
    expect(fakeEmbedding('the of and', 16)).toEqual([1, ...new Array(15).fill(0)]);
  });

  it('answers the real SDK (base64 by default, float on request), in batches and with `dimensions`', async () => {
    const options = { apiKey: 'sk-test', configuration: { baseURL: openai.fake.baseUrl }, maxRetries: 0 };
    const embeddings = new OpenAIEmbeddings({ ...options, model: 'text-embedding-3-small', batchSize: 2 });
    const vectors = await embeddings.embedDocuments(['parcel delivery', 'refund', 'opening hours']);
    expect(vectors.map((vector) => vector.length)).toEqual([1536, 1536, 1536]);
    expect(vectors[0]![0]).toBeCloseTo(fakeEmbedding('parcel delivery', 1536)[0]!, 6);
    expect(openai.fake.embeddings.requests.map((request) => request.input)).toEqual([
      ['parcel delivery', 'refund'],
      ['opening hours'],
    ]);
    expect(openai.fake.embeddings.requests[0]?.encoding_format).toBe('base64'); // what the openai SDK asks by default
    const small = new OpenAIEmbeddings({ ...options, dimensions: 32, encodingFormat: 'float' });
    expect(await small.embedQuery('parcel delivery')).toEqual(fakeEmbedding('parcel delivery', 32));
    expect(openai.fake.embeddings.requests.at(-1)).toMatchObject({ dimensions: 32, encoding_format: 'float' });
    expect(openai.fake.requests).toEqual([]); // chat requests are recorded apart, unchanged
    openai.fake.embeddings.fail = 429;
    await expect(small.embedQuery('refund')).rejects.toThrow();
    openai.fake.embeddings.fail = null;
  });
});
