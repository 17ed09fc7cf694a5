import { afterEach, describe, expect, it, vi } from 'vitest';
import { importForm, ndjsonValues, sendImport, type ImportOptions } from './upload';

/** A body that arrives in exactly these chunks, as a slow network delivers it. */
function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function valuesOf(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of ndjsonValues(stream)) values.push(value);
  return values;
}

describe('ndjsonValues', () => {
  it('yields one value per line, whole lines in one chunk', async () => {
    const body = streamOf('{"progress":{"phase":"reading","done":0,"total":1}}\n{"report":{"ok":true}}\n');
    expect(await valuesOf(body)).toEqual([
      { progress: { phase: 'reading', done: 0, total: 1 } },
      { report: { ok: true } },
    ]);
  });

  it('joins a line split across chunks, and reads a last line without a newline', async () => {
    const body = streamOf('{"progress":{"pha', 'se":"writing","done":2,"total":3}}\n{"rep', 'ort":{"ok":false}}');
    expect(await valuesOf(body)).toEqual([
      { progress: { phase: 'writing', done: 2, total: 3 } },
      { report: { ok: false } },
    ]);
  });

  it('joins a Chinese character whose UTF-8 bytes are split across chunks, and skips blank lines', async () => {
    const bytes = new TextEncoder().encode('{"name":"测试社区"}\n\n');
    const cut = 13; // 试 is bytes 12–14
    const body = streamOf(bytes.slice(0, cut), bytes.slice(cut));
    expect(await valuesOf(body)).toEqual([{ name: '测试社区' }]);
  });

  it('fails on a line that is not JSON', async () => {
    await expect(valuesOf(streamOf('{"report":\n'))).rejects.toThrow(SyntaxError);
  });
});

describe('importForm', () => {
  const options = { kind: '', crs: 'wgs84', encoding: '', sheet: ' ', asOf: '2026-10-01', map: '' } as const;
  const file = new File(['{}'], '网格.geojson');

  it('sends a check as a dry run with the preview, and only the options that were given', () => {
    const form = importForm([file], options, true);
    expect([...form.keys()]).toEqual(['crs', 'asOf', 'dryRun', 'preview', 'file']);
    expect(form.get('dryRun')).toBe('true');
    expect((form.get('file') as File).name).toBe('网格.geojson');
  });

  it('sends the import itself without dryRun or preview', () => {
    const form = importForm([file, file], options, false);
    expect(form.has('dryRun')).toBe(false);
    expect(form.has('preview')).toBe(false);
    expect(form.getAll('file')).toHaveLength(2);
  });
});

describe('sendImport', () => {
  const options: ImportOptions = { kind: '', crs: '', encoding: '', sheet: '', asOf: '', map: '' };
  const answer = (response: Response) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => response),
    );
  afterEach(() => void vi.unstubAllGlobals());

  it('asks for NDJSON, hears each progress line, and resolves with the report', async () => {
    answer(
      new Response(
        streamOf('{"progress":{"phase":"reading","done":0,"total":1}}\n', '{"report":{"ok":true,"created":3}}\n'),
      ),
    );
    const heard: unknown[] = [];
    const report = await sendImport([], options, true, (progress) => heard.push(progress));
    expect(report).toMatchObject({ ok: true, created: 3 });
    expect(heard).toEqual([{ phase: 'reading', done: 0, total: 1 }]);
    expect(vi.mocked(fetch).mock.calls[0][1]).toMatchObject({ headers: { accept: 'application/x-ndjson' } });
  });

  it('names a refused request by its status, with the server’s message', async () => {
    answer(Response.json({ code: 'FORBIDDEN', message: 'Only an admin may import' }, { status: 403 }));
    await expect(sendImport([], options, true, () => undefined)).rejects.toMatchObject({
      reason: 'forbidden',
      detail: 'Only an admin may import',
    });
  });

  it('says the connection broke when the answer ends without a report', async () => {
    answer(new Response(streamOf('{"progress":{"phase":"writing","done":1,"total":9}}\n')));
    await expect(sendImport([], options, false, () => undefined)).rejects.toMatchObject({ reason: 'interrupted' });
  });
});
