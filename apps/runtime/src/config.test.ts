import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CORS_ORIGINS).toEqual([]);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.TRUST_PROXY).toBe(false);
    expect([config.PUBLIC_RATE_LIMIT_PER_IP, config.PUBLIC_RATE_LIMIT_PER_VISITOR]).toEqual([600, 120]);
    expect([config.PUBLIC_SESSION_LIMIT_PER_IP, config.WS_FRAME_LIMIT]).toEqual([60, 100]);
  });

  it('parses numbers, lists and booleans', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      HTTP_BLOCK_ALLOW_PRIVATE: 'yes',
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.HTTP_BLOCK_ALLOW_PRIVATE).toBe(true);
    expect(config.DATABASE_URL).toBe('postgres://u@h:5432/db');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '', PORT: '' }).OPENAI_API_KEY).toBeUndefined();
  });

  it('lists every bad value in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('reads REDIS_URL (redis:// or rediss://) and refuses anything else with a clear message', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({}).REDIS_KEY_PREFIX).toBe('flowdesk:');
    expect(loadConfig({ REDIS_URL: 'rediss://u:p@cache:6380/2' }).REDIS_URL).toBe('rediss://u:p@cache:6380/2');
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(
      /REDIS_URL: must start with redis:\/\/ or rediss:\/\//,
    );
    expect(() => loadConfig({ REDIS_KEY_PREFIX: 'has space' })).toThrow(/REDIS_KEY_PREFIX/);
  });
});
