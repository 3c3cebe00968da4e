import { describe, expect, test } from 'vitest';
import { buildPath, matchPath, stripBase } from './match-path';

describe('matchPath', () => {
  test('matches static and param segments', () => {
    expect(matchPath('/flows', '/flows')).toEqual({});
    expect(matchPath('/flows/:flowId', '/flows/abc')).toEqual({ flowId: 'abc' });
    expect(matchPath('/flows/:flowId', '/flows/a%20b?x=1')).toEqual({ flowId: 'a b' });
  });

  test('rejects different lengths and static mismatches', () => {
    expect(matchPath('/flows/:flowId', '/flows')).toBeNull();
    expect(matchPath('/flows', '/flows/abc')).toBeNull();
    expect(matchPath('/flows/:flowId', '/bots/abc')).toBeNull();
  });

  test('a trailing * matches any rest', () => {
    expect(matchPath('/inbox/*', '/inbox/c1/notes')).toEqual({});
    expect(matchPath('/inbox/*', '/flows/x')).toBeNull();
  });
});

test('buildPath encodes params', () => {
  expect(buildPath('/flows/:flowId', { flowId: 'a b' })).toBe('/flows/a%20b');
});

test('stripBase removes the app base', () => {
  expect(stripBase('/app/flows/1', '/app/')).toBe('/flows/1');
  expect(stripBase('/app', '/app/')).toBe('/');
  expect(stripBase('/flows', '/')).toBe('/flows');
});
