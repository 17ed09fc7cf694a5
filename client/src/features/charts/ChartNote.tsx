import { useStrings } from '../../i18n/LanguageProvider';

/** Under a chart that draws only the largest of many places: how many of how many. */
export function ChartNote({ shown, total }: { shown: number; total: number }) {
  const { language, strings } = useStrings();
  if (shown >= total) return null;
  const text = strings.charts.largestOf
    .replace('{shown}', String(shown))
    .replace('{total}', total.toLocaleString(language));
  return (
    <p className="chart-note" data-testid="chart-note">
      {text}
    </p>
  );
}
