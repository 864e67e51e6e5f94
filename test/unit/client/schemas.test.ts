import * as assert from 'node:assert/strict';
import { ResponseShapeError } from '../../../src/core/errors';
import { parseErrorBody, parseJsonBody, parseTask, parseTaskList } from '../../../src/core/schemas';

const flat = {
  id: 'ff80808297a1b2c30197a1b2c3d40001',
  type: 'import_recordset',
  status: 'PENDING',
  created_at: '2025-06-17 13:09:15',
  success_count: 3,
  error_count: 2,
  error_items: [
    { item: 'a.nw.', error_message: 'bad' },
    { item: 'b.nw.', error_message: null },
  ],
};

function shapeError(fn: () => unknown): ResponseShapeError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ResponseShapeError, String(e));
    return e;
  }
  assert.fail('expected a ResponseShapeError');
}

describe('schemas', () => {
  it('maps the flat SDK shape; total = success + error when total_count is absent', () => {
    const t = parseTask(flat, '');
    assert.deepEqual(t, {
      id: flat.id, type: 'import_recordset', status: 'PENDING', createdAt: '2025-06-17 13:09:15',
      successCount: 3, errorCount: 2, totalCount: 5,
      errorItems: [{ item: 'a.nw.', errorMessage: 'bad' }, { item: 'b.nw.', errorMessage: '' }],
    });
  });

  it('maps the {"tasks":[…]} wrapper, keeping both date formats as given and total_count when sent', () => {
    const t = parseTask({ tasks: [{ ...flat, created_at: '2025-06-17T13:09:15.214', updated_at: '2025-06-17T13:11:26.968', total_count: 2000 }] }, '');
    assert.equal(t.createdAt, '2025-06-17T13:09:15.214');
    assert.equal(t.updatedAt, '2025-06-17T13:11:26.968');
    assert.equal(t.totalCount, 2000);
  });

  it('keeps unknown types and statuses, ignores extra fields, reads missing error_items as none', () => {
    const { error_items: _ignored, ...noItems } = flat;
    const t = parseTask({ ...noItems, type: 'teleport', status: 'FROZEN', shiny: true }, '');
    assert.equal(t.type, 'teleport');
    assert.equal(t.status, 'FROZEN');
    assert.deepEqual(t.errorItems, []);
    assert.ok(!('shiny' in t));
  });

  it('accepts counts serialised as digit strings', () => {
    assert.equal(parseTask({ ...flat, success_count: '7' }, '').successCount, 7);
  });

  it('names the offending field and quotes the body, never a zod dump', () => {
    const body = JSON.stringify({ ...flat, error_items: [{ item: 5 }] });
    const e = shapeError(() => parseTask(JSON.parse(body), body));
    assert.equal(e.field, 'error_items[0].item');
    assert.match(e.message, /error_items\[0\]\.item should be a string but is a number/);
    assert.ok(!e.message.includes('invalid_type'));
    assert.equal(shapeError(() => parseTask({ tasks: [] }, '{"tasks":[]}')).field, 'tasks');
    assert.equal(shapeError(() => parseTask({ ...flat, id: undefined }, '')).field, 'id');
    assert.match(shapeError(() => parseTask({ ...flat, id: undefined }, '')).message, /id is missing/);
    assert.equal(shapeError(() => parseTask([1], '[1]')).field, '(body)');
  });

  it('quotes at most 200 characters of a non-JSON body', () => {
    const e = shapeError(() => parseJsonBody('<!doctype html>' + 'y'.repeat(5000)));
    assert.equal(e.field, '(body)');
    assert.ok(e.bodySnippet.length <= 205);
  });

  it('maps the list answer with metadata.total_count, or what the page proves without it', () => {
    const list = parseTaskList({ tasks: [flat], metadata: { total_count: 42 } }, '');
    assert.equal(list.total, 42);
    assert.equal(list.tasks[0]!.totalCount, 5);
    assert.equal(parseTaskList({ tasks: [flat, flat] }, '', {}, 10).total, 12);
  });

  it('reads the three error-body shapes and nothing else', () => {
    assert.deepEqual(parseErrorBody('{"code":"DNS.0004","message":"not found"}'), { code: 'DNS.0004', message: 'not found' });
    assert.deepEqual(parseErrorBody('{"error_code":"APIGW.0301","error_msg":"bad sig","request_id":"r1"}'), { code: 'APIGW.0301', message: 'bad sig', requestId: 'r1' });
    assert.deepEqual(parseErrorBody('{"error":{"code":"X.1","message":"m"}}'), { code: 'X.1', message: 'm' });
    for (const body of ['', '<html></html>', '{"foo":1}', 'null', '[]']) assert.equal(parseErrorBody(body), undefined, body);
  });

  describe('hostile answers (issue #14)', () => {
    it('refuses counts that are not safe non-negative integers, as numbers or digit strings', () => {
      for (const bad of ['9007199254740993000', '9'.repeat(400), 9007199254740992, 1e300, -1, 1.5, '1e3', '0x10', ' 1']) {
        const e = shapeError(() => parseTask({ ...flat, error_count: bad }, ''));
        assert.equal(e.field, 'error_count', String(bad));
      }
      assert.equal(parseTask({ ...flat, error_count: '9007199254740991' }, '').errorCount, Number.MAX_SAFE_INTEGER);
      assert.equal(parseTask({ ...flat, success_count: Number.MAX_SAFE_INTEGER, error_count: Number.MAX_SAFE_INTEGER }, '').totalCount, Number.MAX_SAFE_INTEGER);
      assert.equal(shapeError(() => parseTaskList({ tasks: [], metadata: { total_count: 1e20 } }, '')).field, 'metadata.total_count');
    });

    it('refuses an answer about another task than the one asked for', () => {
      const e = shapeError(() => parseTask({ ...flat, id: 'aaaabbbbccccddddeeeeffff00001111' }, '', {}, flat.id));
      assert.equal(e.field, 'id');
      assert.match(e.message, /not the task asked for/);
      assert.equal(shapeError(() => parseTask({ tasks: [{ ...flat, id: 'x' }] }, '', {}, flat.id)).field, 'tasks[0].id');
      assert.equal(parseTask(flat, '', {}, flat.id).id, flat.id);
    });

    it('refuses ids that are not task ids (they become URLs and stored keys)', () => {
      for (const id of ['../../etc/passwd', '', 'a'.repeat(65), 'a b', 'a/b', '%2e%2e']) {
        assert.equal(shapeError(() => parseTask({ ...flat, id }, '')).field, 'id', id);
        assert.equal(shapeError(() => parseTaskList({ tasks: [{ ...flat, id }] }, '')).field, 'tasks[0].id', id);
      }
    });

    it('bounds every string: words at 256 characters, item names and messages at 256 KiB', () => {
      for (const field of ['type', 'status', 'created_at', 'updated_at']) {
        const e = shapeError(() => parseTask({ ...flat, [field]: 'x'.repeat(257) }, ''));
        assert.equal(e.field, field);
        assert.match(e.message, /longer than 256 characters/);
      }
      const huge = 'x'.repeat(256 * 1024 + 1);
      assert.equal(shapeError(() => parseTask({ ...flat, error_items: [{ item: huge }] }, '')).field, 'error_items[0].item');
      assert.equal(shapeError(() => parseTask({ ...flat, error_items: [{ item: 'a.', error_message: huge }] }, '')).field, 'error_items[0].error_message');
      assert.equal(parseTask({ ...flat, error_items: [{ item: 'x'.repeat(256 * 1024), error_message: 'm' }] }, '').errorItems[0]!.item.length, 256 * 1024);
      assert.equal(parseErrorBody(JSON.stringify({ error_code: 'x'.repeat(300), error_msg: 'm' })), undefined);
    });
  });
});
