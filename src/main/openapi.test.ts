import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { describeEachEngine } from '../../test/support/test-database.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>
  >;
}

describeEachEngine('the OpenAPI document', (ctx) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
  });
  afterAll(() => t.close());

  it('describes the Admin and Content APIs from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<OpenApiDocument>();
    expect(doc.openapi).toMatch(/^3\./);
    const createPost = doc.paths['/api/admin/posts']?.post;
    expect(createPost?.requestBody).toBeDefined();
    expect(Object.keys(createPost?.responses ?? {})).toContain('201');
    expect(doc.paths['/api/content/posts']?.get).toBeDefined();
    expect(doc.paths['/api/admin/session']?.post).toBeDefined();
    expect(doc.paths['/api/admin/media']?.post).toBeDefined();
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/tag'))).toBe(false);
  });
});
