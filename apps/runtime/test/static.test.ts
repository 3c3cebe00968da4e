import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestServer } from './server';

const root = mkdtempSync(join(tmpdir(), 'flowdesk-static-'));
const builder = join(root, 'builder');
const widget = join(root, 'widget');
mkdirSync(join(builder, 'assets'), { recursive: true });
mkdirSync(widget, { recursive: true });
writeFileSync(join(builder, 'index.html'), '<!doctype html><div id="root">dashboard</div>');
writeFileSync(join(builder, 'assets', 'app-123.js'), 'console.log(1)');
writeFileSync(join(widget, 'loader.js'), '/* loader */');

describe('static apps', () => {
  const t = useTestServer('pglite', { BUILDER_DIST: builder, WIDGET_DIST: widget });

  it('serves the dashboard with a single-page fallback and long-cached assets', async () => {
    const index = await t.current.request('/app/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('dashboard');
    const deep = await t.current.request('/app/inbox/conversations/42');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('dashboard');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const asset = await t.current.request('/app/assets/app-123.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expect((await t.current.request('/app/assets/missing.js')).status).toBe(404);
    const root = await t.current.request('/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
  });

  it('serves the widget to any site and 404s unknown files', async () => {
    const loader = await t.current.request('/widget/loader.js');
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toContain('javascript');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(await loader.text()).toBe('/* loader */');
    expect((await t.current.request('/widget/nope.js')).status).toBe(404);
    expect((await t.current.request('/widget/../../etc/passwd')).status).toBe(404);
  });
});
