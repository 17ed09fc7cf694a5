import busboy from 'busboy';
import express from 'express';
import { authenticate } from './auth/authenticate';
import type { Config } from './config';
import type { Database } from './db/client';
import type { LiveEvents } from './live/live-events';
import type { Logger } from './observability/logger';
import {
  IMPORT_KINDS,
  runImport,
  type ImportKind,
  type ImportRequest,
  type InputFile,
} from './modules/import/import.service';

/** Large enough for a city's boundaries or a year of hotline tickets. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

interface Upload {
  files: InputFile[];
  fields: Record<string, string>;
}

function readUpload(req: express.Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const upload: Upload = { files: [], fields: {} };
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: MAX_FILE_BYTES, files: 20 },
      defParamCharset: 'utf8',
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new Error(`${info.filename} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`)));
      stream.on('end', () => upload.files.push({ name: info.filename ?? 'upload', bytes: Buffer.concat(chunks) }));
    });
    parser.on('field', (name, value) => (upload.fields[name] = value));
    parser.on('close', () => resolve(upload));
    parser.on('error', reject);
    req.pipe(parser);
  });
}

/**
 * POST /api/imports (multipart, admins only): the files, and the options of
 * `npm run import` as form fields (kind, crs, encoding, sheet, map, asOf, dryRun; preview=true
 * adds the places in WGS-84 for a map). The
 * answer is the report: 200 when imported or a clean dry run, 422 when refused. With
 * `Accept: application/x-ndjson` progress lines come first, then the report.
 */
export function importRoute(db: Database, config: Config, live: LiveEvents, logger: Logger): express.RequestHandler {
  return async (req, res) => {
    const viewer = await authenticate(
      db,
      { authorization: req.headers.authorization, cookie: req.headers.cookie },
      config.sessionIdleMinutes,
    ).catch(() => null);
    if (!viewer || viewer.role === 'PUBLIC')
      return void res
        .status(401)
        .json({ code: 'UNAUTHENTICATED', message: 'Sign in as an admin, or send an admin token' });
    if (viewer.role !== 'ADMIN')
      return void res.status(403).json({ code: 'FORBIDDEN', message: 'Only an admin may import' });
    if (!req.is('multipart/form-data'))
      return void res.status(400).json({ code: 'BAD_REQUEST', message: 'Send the files as multipart/form-data' });
    let upload: Upload;
    try {
      upload = await readUpload(req);
    } catch (error) {
      return void res.status(413).json({ code: 'TOO_LARGE', message: (error as Error).message });
    }
    const { kind, crs, encoding, sheet, map, asOf, dryRun, preview } = upload.fields;
    if (kind && !IMPORT_KINDS.includes(kind as ImportKind))
      return void res
        .status(400)
        .json({ code: 'BAD_REQUEST', message: `kind must be one of ${IMPORT_KINDS.join(', ')}` });
    if (encoding && encoding !== 'utf8' && encoding !== 'gbk')
      return void res.status(400).json({ code: 'BAD_REQUEST', message: 'encoding must be utf8 or gbk' });
    const request: ImportRequest = {
      files: upload.files,
      kind: (kind || undefined) as ImportKind | undefined,
      crs: crs || undefined,
      encoding: (encoding || undefined) as ImportRequest['encoding'],
      sheet: sheet || undefined,
      map: map || undefined,
      asOf: asOf || undefined,
      dryRun: dryRun === 'true' || dryRun === 'on',
      preview: preview === 'true',
      actor: viewer.name ?? 'admin',
    };
    const streaming = req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson';
    if (streaming) res.type('application/x-ndjson');
    try {
      const report = await runImport(db, live, request, (progress) => {
        if (streaming) res.write(`${JSON.stringify({ progress })}\n`);
      });
      if (streaming) return void res.end(`${JSON.stringify({ report })}\n`);
      res.status(report.ok ? 200 : 422).json(report);
    } catch (error) {
      // Nothing was written (the transaction rolled back); the stream has begun, so the error is its last line.
      logger.error({ err: error, reqId: res.locals.requestId }, 'import failed');
      const failure = {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'The import failed on the server; nothing was changed',
      };
      if (streaming) res.end(`${JSON.stringify({ error: failure })}\n`);
      else res.status(500).json(failure);
    }
  };
}
