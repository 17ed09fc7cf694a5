import { useStrings } from '../i18n/LanguageProvider';

/** The query string of /api/export.*: the arguments of `stats` (or table=cases), lists as arrays. */
export type ExportParams = Record<string, string | readonly string[] | boolean | null | undefined>;

export function exportHref(format: 'csv' | 'xlsx', params: ExportParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === false) continue;
    query.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `/api/export.${format}?${query}`;
}

/** Links that download what a panel shows as CSV or XLSX, in the language on screen, with the viewer's own rights. */
export function Downloads({ params }: { params: ExportParams }) {
  const { language, strings } = useStrings();
  const withLanguage = { ...params, lang: language };
  return (
    <span className="downloads" aria-label={strings.download}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} href={exportHref(format, withLanguage)} download data-testid={`download-${format}`}>
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
