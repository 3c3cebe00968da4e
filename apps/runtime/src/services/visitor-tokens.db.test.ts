import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/db';
import { seedWorkspace } from '../../test/fixtures/accounts';
import { useTestServer } from '../../test/server';
import { createVisitor } from '../repositories/visitors';
import { visitorByToken } from './visitor-tokens';

describe.each(databaseKinds)('visitor tokens looked up together (%s)', (kind) => {
  const t = useTestServer(kind);

  it('answers each token with its own visitor from one query per turn, and nothing for an unknown token', async () => {
    const { db, services } = t.current.server;
    const { bot } = await seedWorkspace(db, 'tokens');
    const created = await Promise.all([1, 2, 3].map((n) => createVisitor(db, { botId: bot.id, name: `Visitor ${n}` })));
    let queries = 0;
    const counted = db.withPlugin({
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const countedServices = { ...services, db: counted };
    const found = await Promise.all(
      [...created.map((each) => each.token), 'not-a-token'].map((token) => visitorByToken(countedServices, token)),
    );
    expect(found.slice(0, 3).map((each) => each?.visitor.id)).toEqual(created.map((each) => each.visitor.id));
    expect(found[0]?.allowedOrigins).toEqual(bot.allowed_origins);
    expect(found[3]).toBeUndefined();
    // One query for the three visitors' own tokens, one for the unknown token's link-token lookup.
    expect(queries).toBe(2);
  });
});
