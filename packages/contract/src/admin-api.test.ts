import { describe, expect, test } from 'vitest';
import { PREVIEW_SUMMARY_LIMITS, PreviewSummaryAnswer, PreviewSummaryRequest } from './ai-api';
import { responseMismatch } from './api-schema';
import { AuditLogAnswer, AuditQuery } from './audit';
import { BotAnswer, CreateBotRequest, PatchBotRequest } from './bots-api';
import { PreferencesRequest } from './email';
import { FlowAnswer, PublishAnswer, RollbackRequest, SaveDraftRequest } from './flows-api';
import { TeamOfficeHoursScope } from './office-hours';
import { ProfilePatch, UserInput, UserPatch } from './users-api';

const bot = {
  id: 'b1',
  workspaceId: 'w1',
  name: 'Shop bot',
  allowedOrigins: ['https://shop.example'],
  settings: { theme: { primaryColor: '#112233' }, widgetVersion: 2 },
  flowId: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: '2026-12-05T10:00:00.000Z',
};
const flow = {
  id: 'f1',
  botId: 'b1',
  name: 'Hello',
  updatedAt: '2026-12-05T10:00:00.000Z',
  updatedBy: null,
  latestVersion: 1,
  draft: { schemaVersion: 1, blocks: [] },
  live: true,
};
const version = {
  id: 'v1',
  flowId: 'f1',
  number: 1,
  note: null,
  publishedBy: 'u1',
  publishedByName: 'Ada',
  createdAt: '2026-12-05T10:00:00.000Z',
};

describe('admin API answers', () => {
  test('bots keep settings the dashboard does not know yet; a missing field is named', () => {
    expect(BotAnswer.parse({ bot }).bot.settings).toEqual(bot.settings);
    const { flowId: _, ...withoutFlow } = bot;
    expect(responseMismatch(BotAnswer, { bot: withoutFlow })).toMatch(/^bot\.flowId: /);
  });

  test('flows, publishing and the audit log', () => {
    expect(responseMismatch(FlowAnswer, { flow })).toBeNull();
    const published = { bot: { id: 'b1', name: 'Shop bot' }, live: true, replaced: null, version, problems: [] };
    expect(responseMismatch(PublishAnswer, published)).toBeNull();
    expect(responseMismatch(PublishAnswer, { ...published, version: { ...version, number: '1' } })).toMatch(
      /^version\.number: /,
    );
    const entry = {
      id: 'a1',
      action: 'flows.publish',
      targetType: 'flow',
      targetId: 'f1',
      actor: { id: 'u1', name: 'Ada', email: 'ada@example.com' },
      data: { status: 201, fields: ['note'], extra: true },
      createdAt: '2026-12-05T10:00:00.000Z',
    };
    expect(AuditLogAnswer.parse({ entries: [entry] }).entries[0]?.data).toEqual(entry.data);
    expect(responseMismatch(PreviewSummaryAnswer, { summary: 's', priority: null, provider: 'local' })).toMatch(
      /^provider: /,
    );
  });
});

describe('admin API requests', () => {
  test('bot origins are stored as browsers send them; paths and bad colours are refused', () => {
    expect(CreateBotRequest.parse({ name: ' Shop ', allowedOrigins: ['https://Shop.Example:443', '*'] })).toEqual({
      name: 'Shop',
      allowedOrigins: ['https://shop.example', '*'],
    });
    expect(PatchBotRequest.safeParse({ allowedOrigins: ['https://shop.example/path'] }).success).toBe(false);
    expect(PatchBotRequest.safeParse({ settings: { theme: { primaryColor: 'red' } } }).success).toBe(false);
  });

  test('flow drafts must be objects; rollback names a positive version', () => {
    expect(SaveDraftRequest.safeParse({ draft: [] }).success).toBe(false);
    expect(SaveDraftRequest.safeParse({ draft: {}, name: '  ' }).success).toBe(false);
    expect(RollbackRequest.safeParse({ version: 0 }).success).toBe(false);
  });

  test('the preview summary transcript is bounded', () => {
    const line = { author: 'visitor' as const, text: 'x'.repeat(PREVIEW_SUMMARY_LIMITS.lineChars) };
    const fits = Array.from({ length: PREVIEW_SUMMARY_LIMITS.chars / PREVIEW_SUMMARY_LIMITS.lineChars }, () => line);
    expect(PreviewSummaryRequest.safeParse({ transcript: fits }).success).toBe(true);
    expect(PreviewSummaryRequest.safeParse({ transcript: [...fits, { author: 'bot', text: 'x' }] }).success).toBe(
      false,
    );
    expect(PreviewSummaryRequest.safeParse({ transcript: [{ author: 'robot', text: 'x' }] }).success).toBe(false);
  });

  test('people: defaults, empty patches refused, avatars http(s) only', () => {
    expect(UserInput.parse({ email: 'nia@example.com', name: 'Nia', password: 'long-enough' }).role).toBe('agent');
    expect(UserPatch.safeParse({}).success).toBe(false);
    expect(UserPatch.safeParse({ avatarUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(ProfilePatch.parse({ avatarUrl: '' })).toEqual({ avatarUrl: null });
    expect(ProfilePatch.safeParse({ name: 'Nia', role: 'admin' }).success).toBe(false);
  });

  test('queries and settings', () => {
    expect(AuditQuery.parse({})).toEqual({ limit: 50 });
    expect(AuditQuery.safeParse({ before: 'yesterday' }).success).toBe(false);
    expect(PreferencesRequest.safeParse({ preferences: { birthday: true } }).success).toBe(false);
    expect(PreferencesRequest.parse({ preferences: { mentioned: false } })).toEqual({
      preferences: { mentioned: false },
    });
    expect(TeamOfficeHoursScope.safeParse({}).success).toBe(false);
  });
});
