import { describe, expect, test } from 'vitest';
import { endpointProblem } from './endpoint-guard';

describe('endpointProblem', () => {
  test('refuses private addresses unless the server allows them', async () => {
    for (const url of [
      'http://127.0.0.1:11434/v1',
      'http://10.0.0.8/v1',
      'http://[::1]:8080/v1',
      'http://localhost/v1',
    ])
      expect(await endpointProblem(url, false)).toMatch(/is a private address; .*HTTP_BLOCK_ALLOW_PRIVATE$/);
    expect(await endpointProblem('http://127.0.0.1:11434/v1', true)).toBeNull();
  });

  test('a public address, or no endpoint (OpenAI itself), is fine', async () => {
    expect(await endpointProblem('https://93.184.216.34/v1', false)).toBeNull();
    expect(await endpointProblem(null, false)).toBeNull();
  });
});
