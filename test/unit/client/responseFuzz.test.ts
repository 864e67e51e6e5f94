// Property tests over the response paths (issue #14): whatever a gateway, a proxy or an attacker answers,
// the schemas and the error classification end in a typed error (never a TypeError, a RangeError or a zod
// error), counts stay safe integers, and a secret the answer echoes never reaches a message.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApiError, ResponseShapeError } from '../../../src/core/errors';
import { parseRecordSets, parseZones } from '../../../src/core/liveSchemas';
import { registerSecret, releaseSecret } from '../../../src/core/redact';
import { errorFromResponse } from '../../../src/core/responseErrors';
import { parseCreatedTask, parseErrorBody, parseJsonBody, parseProjectId, parseTask, parseTaskList } from '../../../src/core/schemas';

const SECRET = 'fuzz-SECRET-key/with+chars=0123456789';
const TOKEN = 'fuzz-security-token-abcdefghijklmnop';
const TASK_ID = 'ff80808297a1b2c3d4e5f60718293a4b';

/** The ways an answer can echo a secret: as is, URL-encoded, JSON-escaped inside a string. */
const echoed = fc.constantFrom(SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1), TOKEN);

/** Text around an echoed secret, or none. */
const textWithSecret = fc.tuple(fc.string({ maxLength: 40 }), fc.option(echoed, { nil: undefined }), fc.string({ maxLength: 40 })).map(([a, s, b]) => `${a}${s ? ` ${s} ` : ''}${b}`);

const countLike = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -1, Number('1e400'), '9007199254740993000', '1'.repeat(400), null),
);

const shortText = fc.oneof(textWithSecret, fc.string({ maxLength: 300 }), fc.constantFrom('DONE', 'PENDING', 'create', '[x](command:y)'));

const summaryLike = fc.record(
  {
    id: fc.oneof(fc.constant(TASK_ID), fc.string({ maxLength: 40 }), fc.constant('../../etc/passwd')),
    type: shortText,
    status: shortText,
    created_at: fc.oneof(fc.constant('2025-06-17 13:09:15'), shortText),
    updated_at: fc.option(shortText),
    success_count: countLike,
    error_count: countLike,
    total_count: fc.option(countLike),
    error_items: fc.option(fc.array(fc.record({ item: shortText, error_message: fc.option(shortText) }, { requiredKeys: [] }), { maxLength: 5 })),
  },
  { requiredKeys: [] },
);

/** A value shaped like the API's answers, more or less: the shapes that get past the first checks. */
const answerLike = fc.oneof(
  fc.jsonValue(),
  summaryLike,
  fc.record({ tasks: fc.oneof(fc.array(summaryLike, { maxLength: 4 }), fc.jsonValue()), metadata: fc.option(fc.record({ total_count: countLike })) }, { requiredKeys: [] }),
  fc.record({ zones: fc.array(fc.record({ id: shortText, name: shortText }, { requiredKeys: [] }), { maxLength: 3 }), links: fc.option(fc.record({ next: shortText })), metadata: fc.option(fc.record({ total_count: countLike })) }, { requiredKeys: [] }),
  fc.record({ recordsets: fc.array(fc.record({ id: shortText, name: shortText, type: shortText, ttl: countLike, records: fc.option(fc.array(shortText, { maxLength: 3 })), status: fc.option(shortText) }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] }),
  fc.record({ task_id: shortText }),
  fc.record({ projects: fc.array(fc.record({ id: shortText, name: fc.option(shortText) }, { requiredKeys: [] }), { maxLength: 3 }) }),
);

const PARSERS: [string, (value: unknown, body: string) => unknown][] = [
  ['parseTask', (v, b) => parseTask(v, b, {}, TASK_ID)],
  ['parseTaskList', (v, b) => parseTaskList(v, b, {})],
  ['parseCreatedTask', (v, b) => parseCreatedTask(v, b, {})],
  ['parseProjectId', (v, b) => parseProjectId(v, b, {})],
  ['parseZones', (v, b) => parseZones(v, b, {})],
  ['parseRecordSets', (v, b) => parseRecordSets(v, b, {})],
];

function assertNoSecret(text: string): void {
  for (const s of [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1), TOKEN]) assert.ok(!text.includes(s), `leaks ${s}: ${text.slice(0, 300)}`);
}

/** Every count of a parsed value is a safe non-negative integer. */
function assertSafeCounts(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (/count$|^total$/i.test(k) && v !== undefined) assert.ok(Number.isSafeInteger(v) && (v as number) >= 0, `${k} = ${String(v)}`);
    if (typeof v === 'object') assertSafeCounts(v);
  }
}

describe('response paths under random answers (property)', () => {
  before(() => {
    registerSecret(SECRET);
    registerSecret(TOKEN);
  });
  after(() => {
    releaseSecret(SECRET);
    releaseSecret(TOKEN);
  });

  it('every schema returns a checked value or throws a ResponseShapeError, and never quotes a secret', () => {
    fc.assert(
      fc.property(answerLike, fc.constantFrom(...PARSERS), (value, [name, parse]) => {
        const body = JSON.stringify(value) ?? 'null';
        let result: unknown;
        try {
          result = parse(value, body);
        } catch (e) {
          assert.ok(e instanceof ResponseShapeError, `${name} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          assertNoSecret(`${e.message} ${e.bodySnippet} ${JSON.stringify(e)}`);
          return;
        }
        assertSafeCounts(result);
      }),
      { numRuns: 600 },
    );
  });

  it('a body that is not JSON (or is huge) ends in a ResponseShapeError without the secret', () => {
    fc.assert(
      fc.property(fc.oneof(textWithSecret, fc.string({ maxLength: 2000 }), textWithSecret.map((t) => `<html>${t.repeat(50)}</html>`)), (body) => {
        let value: unknown;
        try {
          value = parseJsonBody(body);
        } catch (e) {
          assert.ok(e instanceof ResponseShapeError, String(e));
          assertNoSecret(e.message);
          return;
        }
        assert.deepEqual(value, JSON.parse(body));
      }),
    );
  });

  it('parseErrorBody never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.record({ error_code: fc.jsonValue(), error_msg: fc.jsonValue(), request_id: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v))), (body) => {
        const parsed = parseErrorBody(body);
        if (parsed) for (const v of Object.values(parsed)) assert.ok(v === undefined || typeof v === 'string', JSON.stringify(parsed));
      }),
    );
  });

  it('errorFromResponse classifies any status, headers and body as a typed ApiError without the secret', () => {
    const headerValue = fc.oneof(textWithSecret, fc.string({ maxLength: 60 }), fc.constantFrom('Tue, 01 Dec 2026 12:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT', '120', '-1', '1e400', 'NaN'));
    const headers = fc.dictionary(fc.constantFrom('date', 'x-request-id', 'retry-after', 'content-type', 'x-anything'), headerValue);
    const vendorBody = fc
      .record({ error_code: fc.oneof(fc.constantFrom('APIGW.0301', 'APIG.0301', 'DNS.0005', 'DNS.0001', 'APIGW.0308'), shortText), error_msg: shortText, request_id: fc.option(shortText) }, { requiredKeys: [] })
      .map((v) => JSON.stringify(v));
    const nestedBody = fc.record({ error: fc.record({ code: shortText, message: shortText }, { requiredKeys: [] }) }).map((v) => JSON.stringify(v));
    const body = fc.oneof(vendorBody, nestedBody, textWithSecret, fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), textWithSecret.map((t) => `<html><body>${t}</body></html>`));
    const status = fc.oneof(fc.constantFrom(400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504), fc.integer({ min: 100, max: 599 }), fc.integer());
    const op = fc.record({ action: fc.constant('dns:zone:listPublicZoneBatchOperationRecords'), what: fc.constant('The task list'), taskId: fc.option(fc.constant(TASK_ID), { nil: undefined }) });
    fc.assert(
      fc.property(status, headers, body, op, fc.integer({ min: 0, max: 4_102_444_800_000 }), (s, h, b, o, now) => {
        const error = errorFromResponse({ status: s, headers: h, body: b }, o, now);
        assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
        assert.equal(typeof error.message, 'string');
        assert.ok(error.message.length < 4000, `a bounded message (${error.message.length})`);
        assertNoSecret(`${error.message} ${JSON.stringify(error)}`);
      }),
      { numRuns: 1000 },
    );
  });
});
