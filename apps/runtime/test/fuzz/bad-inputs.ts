import fc from 'fast-check';

/** Field names the API uses, so generated objects get past "unknown shape" and hit deeper validation. */
const FIELDS = [
  'text',
  'clientId',
  'content',
  'type',
  'email',
  'password',
  'name',
  'variables',
  'visitor',
  'visitorToken',
  'document',
  'draft',
  'note',
  'priority',
  'reason',
  'assigneeId',
  'teamId',
  'role',
  'mentions',
  'seq',
  'status',
  'blockId',
  'optionId',
  'label',
  'values',
  'settings',
  'allowedOrigins',
  'pageUrl',
  'locale',
  'version',
  'filter',
  'q',
  'after',
  'limit',
  'afterSeq',
  'memberIds',
  'title',
  'body',
  'shortcut',
  'avatarUrl',
  'userId',
  'enabled',
  'schemaVersion',
  'blocks',
  'edges',
  'id',
  '__proto__',
  'constructor',
];

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '../../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  '${7*7}',
  '{{7*7}}',
  '\uD800',
  'NaN',
  '-1',
  '1e308',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
  'a'.repeat(10_000),
);

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), tie('node'), {
    maxKeys: 6,
  }),
})).node;

/** A request body as sent on the wire: JSON of any shape, near-valid objects, broken text, deep nesting, huge. */
export const badBody = fc.oneof(
  { weight: 4, arbitrary: value.map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '"\\ud800"', '{"__proto__":{"admin":true}}') },
  { weight: 1, arbitrary: fc.constant(JSON.stringify({ text: 'x'.repeat(1_100_000) })) },
  // Deep nesting inside a field a route reads (flow drafts, settings, variables), not only at the top.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('draft', 'settings', 'variables', 'content', 'document', 'values'),
        fc.integer({ min: 65, max: 8000 }),
      )
      .map(([field, depth]) => `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)},"name":"x"}`),
  },
  // Variable bombs: thousands of keys where the page may set a hundred.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 101, max: 20_000 })
      .map((keys) =>
        JSON.stringify({ variables: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])) }),
      ),
  },
);

/** A path segment: printable junk, traversal, encoded specials, numbers out of range, very long. */
export const badSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%00',
    '-1',
    '0',
    '1e9',
    '99999999999999999999',
    '%20',
  ),
  fc.uuid(),
  fc.string({ minLength: 300, maxLength: 2000 }).map(encodeURIComponent),
);

export const badQuery = fc
  .dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string({ maxLength: 30 }), nasty.map(String)), { maxKeys: 4 })
  .map((query) => new URLSearchParams(query as Record<string, string>).toString());

export const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);

/** Which credentials the request carries (real ones half the time, so validation behind auth is reached). */
export const credential = fc.constantFrom('admin', 'agent', 'visitor', 'none', 'forged') as fc.Arbitrary<
  'admin' | 'agent' | 'visitor' | 'none' | 'forged'
>;
