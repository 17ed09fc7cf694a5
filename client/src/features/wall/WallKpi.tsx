import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../../../shared/format/number';
import type { Metric } from '../../../../shared/metrics/definitions';
import { metricText } from '../../components/metricText';
import type { Strings } from '../../i18n/catalogue';

const HIGHLIGHT_MS = 2500;

/** A key figure in large type; it lights up for a moment when its value changes. */
export function WallKpi({ metric, value, tooFewCases, language, strings }: { metric: Metric; value: number | null; tooFewCases: boolean; language: Language; strings: Strings }) {
  const previous = useRef(value);
  const [changed, setChanged] = useState(false);
  useEffect(function highlightChange() {
    if (previous.current === value) return;
    previous.current = value;
    setChanged(true);
    const timer = setTimeout(() => setChanged(false), HIGHLIGHT_MS);
    return function clearHighlight() { clearTimeout(timer); };
  }, [value]);
  return (
    <div className={`wall-kpi${changed ? ' changed' : ''}`} data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`} data-value={value ?? ''}>
      <span className="wall-kpi-label">{strings.metrics[metric]}</span>
      <span className="wall-kpi-value">{metricText(metric, value, tooFewCases, language, strings)}</span>
    </div>
  );
}
