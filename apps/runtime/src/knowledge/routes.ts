import {
  CreateKnowledgeSourceRequest,
  KNOWLEDGE_UPLOAD_MAX_BYTES,
  KnowledgeFileQuery,
  KnowledgeSource,
  KnowledgeSourceContent,
  KnowledgeSourceDeleted,
  KnowledgeSourceList,
  UpdateKnowledgeSourceRequest,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ZodType } from 'zod';
import type { AppEnv } from '../http/env';
import { badRequest, errorBody, notFound } from '../http/errors';
import { requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, IdParam, jsonResponse, routesUnder, takes } from '../http/schemas';
import { signedInRouter } from '../http/signed-in-routes';
import type { Services } from '../services';
import { indexKnowledgeSource } from './indexer';
import { nextRefreshAt, refreshOf, sourceUrl } from './refresh';
import {
  createFileSource,
  createKnowledgeSource,
  deleteKnowledgeSource,
  getKnowledgeSource,
  listKnowledgeSources,
  updateKnowledgeSource,
} from './sources';
import { type KnowledgeSourceRow, knowledgeDb } from './tables';
import { workspaceEmbedder } from './workspace-embedder';

const base = '/api/admin/knowledge';
export const KNOWLEDGE_UPLOAD_PATH = `${base}/files`;

/**
 * The upload's own, larger body bound. The app applies it in place of the global one, before any middleware
 * reads a body: a bound applied later would find the stream already read (and the body unbounded until then).
 */
export const knowledgeUploadBodyLimit = bodyLimit({
  maxSize: KNOWLEDGE_UPLOAD_MAX_BYTES,
  onError: (c) => {
    c.header('Connection', 'close');
    const megabytes = KNOWLEDGE_UPLOAD_MAX_BYTES / 1024 / 1024;
    return c.json(errorBody('payload_too_large', `The file is larger than ${megabytes} MB`), 413);
  },
});

const route = routesUnder(base, 'Knowledge');
/** The answer of the routes that add, show, change or index one source. */
const sourceAnswer = jsonResponse(KnowledgeSource, 'Source');

/**
 * A route on one source, `/{id}…`, like every knowledge route an admin's: its id in the path, 404 when the workspace
 * has no such source; its success `answer` (with `status`, 200 unless said), and the body it takes, if any.
 */
function sourceRoute<
  M extends 'get' | 'put' | 'post' | 'delete',
  P extends string,
  A extends ReturnType<typeof jsonResponse>,
  B extends ZodType | undefined = undefined,
  S extends 200 | 202 = 200,
>(method: M, path: P, { summary, status, answer, body }: { summary: string; status?: S; answer: A; body?: B }) {
  const success = { [status ?? 200]: answer } as { [K in S]: A };
  return route(method, `/{id}${path}`, takes({ params: IdParam, body: body as B }), {
    summary,
    responses: { ...success, ...adminErrors, ...errorsOf(404) },
  });
}

const routes = {
  list: route('get', '', {
    summary: "The workspace's knowledge sources with indexing progress and failures (admin)",
    responses: { 200: jsonResponse(KnowledgeSourceList, 'Sources'), ...adminErrors },
  }),
  create: route('post', '', takes({ body: CreateKnowledgeSourceRequest }), {
    summary: 'Add Q&A pairs, a text or a web page/site; indexing starts in the background (admin)',
    responses: { 201: sourceAnswer, ...adminErrors },
  }),
  upload: route('post', '/files', takes({ query: KnowledgeFileQuery }), {
    summary: 'Upload a PDF, DOCX, Markdown, HTML or TXT file as the raw body (admin, at most 10 MB)',
    responses: { 201: sourceAnswer, ...adminErrors, ...errorsOf(413) },
  }),
  get: sourceRoute('get', '', { summary: 'One source, for polling its progress (admin)', answer: sourceAnswer }),
  content: sourceRoute('get', '/content', {
    summary: 'What a Q&A, text or web source holds, to edit it (admin; a file is uploaded again)',
    answer: jsonResponse(KnowledgeSourceContent, 'Content'),
  }),
  update: sourceRoute('put', '', {
    summary: 'Change a Q&A, text or web source (its kind stays); it is indexed again (admin)',
    body: UpdateKnowledgeSourceRequest,
    answer: sourceAnswer,
  }),
  reindex: sourceRoute('post', '/reindex', {
    summary: 'Index again; the old chunks stay searchable until the new ones replace them (admin)',
    status: 202,
    answer: sourceAnswer,
  }),
  remove: sourceRoute('delete', '', {
    summary: 'Delete a source and its chunks (admin)',
    answer: jsonResponse(KnowledgeSourceDeleted, 'Deleted'),
  }),
};

export function sourceView(row: KnowledgeSourceRow): KnowledgeSource {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: sourceUrl(row),
    refresh: refreshOf(row),
    nextRefreshAt: nextRefreshAt(row)?.toISOString() ?? null,
    status: row.status,
    progress: row.progress,
    failures: row.failures,
    chunkCount: row.chunk_count,
    indexedAt: row.indexed_at ? new Date(row.indexed_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const missing = () => notFound('Knowledge source');
const KIND_WORDS = { qa: 'questions and answers', text: 'a text', web: 'a website', file: 'a file' } as const;

/** Knowledge source API. Paths are absolute; mount with `app.route('/', knowledgeRoutes(services))`. */
export function knowledgeRoutes(services: Services) {
  const router = signedInRouter(services, base);
  const { db, logger } = services;

  /** Runs after the response: fetch/parse hold no connection; failures end up on the source row. */
  const indexLater = (workspaceId: string, id: string) => {
    indexKnowledgeSource(db, workspaceId, id, {
      allowPrivate: services.config.HTTP_BLOCK_ALLOW_PRIVATE,
      embedder: workspaceEmbedder(services, workspaceId),
    }).catch((error: unknown) => logger.error({ err: error, sourceId: id }, 'knowledge indexing failed'));
  };

  /** The admin's workspace and its source `id`, or 404. */
  const adminSource = async (c: Context<AppEnv>, id: string) => {
    const { workspaceId } = requireAdmin(c);
    const source = await getKnowledgeSource(db, workspaceId, id);
    if (!source) throw missing();
    return { workspaceId, source };
  };

  router.openapi(routes.list, async (c) => {
    const { workspaceId } = requireAdmin(c);
    return c.json({ sources: (await listKnowledgeSources(db, workspaceId)).map(sourceView) }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const { workspaceId } = requireAdmin(c);
    const { kind, title, ...config } = c.req.valid('json');
    const source = await createKnowledgeSource(db, { workspaceId, kind, title, config });
    indexLater(workspaceId, source.id);
    return c.json(sourceView(source), 201);
  });

  router.openapi(routes.upload, async (c) => {
    const { workspaceId } = requireAdmin(c);
    const query = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) throw badRequest(`${query.name} is empty`);
    const title = query.title ?? query.name;
    const source = await createFileSource(db, { workspaceId, title, fileName: query.name, bytes });
    indexLater(workspaceId, source.id);
    return c.json(sourceView(source), 201);
  });

  router.openapi(routes.get, async (c) => {
    const { source } = await adminSource(c, c.req.valid('param').id);
    return c.json(sourceView(source), 200);
  });

  router.openapi(routes.content, async (c) => {
    const { source } = await adminSource(c, c.req.valid('param').id);
    if (source.kind === 'file') throw badRequest('A file source changes by uploading the file again');
    const content = KnowledgeSourceContent.parse({
      ...(source.config as object),
      kind: source.kind,
      title: source.title,
    });
    return c.json(content, 200);
  });

  router.openapi(routes.update, async (c) => {
    const id = c.req.valid('param').id;
    const { kind, title, ...config } = c.req.valid('json');
    const { workspaceId, source } = await adminSource(c, id);
    if (source.kind !== kind) throw badRequest(`This source holds ${KIND_WORDS[source.kind]}; it stays so`);
    const updated = await updateKnowledgeSource(db, workspaceId, id, { title, config });
    if (!updated) throw missing();
    indexLater(workspaceId, id);
    return c.json(sourceView(updated), 200);
  });

  router.openapi(routes.reindex, async (c) => {
    const { workspaceId, source } = await adminSource(c, c.req.valid('param').id);
    // Pending from this answer on, so the dashboard shows the new index at once (the old chunks stay searchable).
    const queued = await knowledgeDb(db)
      .updateTable('knowledge_sources')
      .set({ status: 'pending', updated_at: new Date() })
      .where('id', '=', source.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    indexLater(workspaceId, source.id);
    return c.json(sourceView(queued), 202);
  });

  router.openapi(routes.remove, async (c) => {
    const { workspaceId } = requireAdmin(c);
    const deleted = await deleteKnowledgeSource(db, workspaceId, c.req.valid('param').id);
    if (!deleted) throw missing();
    return c.json({ deleted: true as const }, 200);
  });
  return router;
}
