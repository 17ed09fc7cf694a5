import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readConfig } from '../config';
import { createLiveEvents } from '../live/live-events';
import { IMPORT_KINDS, runImport, type ImportKind } from '../modules/import/import.service';
import { runCommandLine, UsageError } from './command-line';

await runCommandLine({
  usage: `npm run import -- FILE… [options]

  Load boundaries (GeoJSON, zipped Shapefile, KML), figures (XLSX, CSV) or cases (a
  12345 hotline export, XLSX or CSV). A file with any problem changes nothing; every
  problem is listed with its row or feature. Exit code 0 imported, 1 refused, 2 usage.

  --kind boundaries|figures|cases   default: from the file
  --crs wgs84|gcj02|bd09|cgcs2000|EPSG:NNNN
                                    the coordinates' system when the file does not say
                                    (gcj02 for AMap tracings, bd09 for Baidu)
  --encoding utf8|gbk               default: from the file (.cpg), else UTF-8 or GBK
  --sheet NAME                      the XLSX sheet (default: the first)
  --map field=列名,category:文本=SANITATION
                                    more column names, more category texts
  --as-of YYYY-MM-DD                when figures were counted, or from when new boundaries hold
  --dry-run                         check and report, write nothing
  --json                            print the report as JSON
  e.g. npm run import -- 网格.zip --dry-run`,
  options: {
    kind: { type: 'string' },
    crs: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    map: { type: 'string' },
    'as-of': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(paths, values, db) {
    if (!paths.length) throw new UsageError('Name at least one file to import');
    if (values.kind && !IMPORT_KINDS.includes(values.kind as ImportKind))
      throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
    if (values.encoding && !['utf8', 'gbk'].includes(String(values.encoding)))
      throw new UsageError('--encoding must be utf8 or gbk');
    const files = await Promise.all(
      paths.map(async (path) => ({
        name: basename(path),
        bytes: await readFile(path).catch(() => {
          throw new UsageError(`Cannot read ${path}`);
        }),
      })),
    );
    // With REDIS_URL the walls of every running instance see the import; without it, at their next refresh.
    const live = await createLiveEvents(readConfig().redisUrl);
    const started = Date.now();
    const json = Boolean(values.json);
    try {
      const report = await runImport(
        db,
        live,
        {
          files,
          kind: values.kind as ImportKind | undefined,
          crs: values.crs as string | undefined,
          encoding: values.encoding as 'utf8' | 'gbk' | undefined,
          sheet: values.sheet as string | undefined,
          map: values.map as string | undefined,
          asOf: values['as-of'] as string | undefined,
          dryRun: Boolean(values['dry-run']),
          actor: 'cli',
        },
        ({ phase, done, total }) => {
          if (!json && total) process.stderr.write(`\r${phase} ${done}/${total}`.padEnd(40));
        },
      );
      if (!json) process.stderr.write('\n');
      const seconds = (Date.now() - started) / 1000;
      if (json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const note of report.notes) console.log(`note: ${note}`);
        for (const p of report.problems) console.log(`${p.location}${p.field ? ` [${p.field}]` : ''}: ${p.message}`);
        const verdict = !report.ok
          ? 'refused, nothing changed'
          : report.dryRun
            ? 'dry run, nothing written'
            : 'imported';
        console.log(
          `${report.kind ?? 'import'}: ${verdict}; ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged` +
            `${report.problems.length ? `, ${report.problems.length} problems` : ''} (${seconds.toFixed(1)} s)`,
        );
      }
      if (!report.ok) process.exitCode = 1;
    } finally {
      await live.close();
    }
  },
});
