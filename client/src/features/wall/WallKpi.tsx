import { useEffect, useRef, useState } from 'react';
import type { Metric } from '../../../../shared/metrics/definitions';
import { metricParts } from '../../components/metricText';
import { useStrings } from '../../i18n/LanguageProvider';
import { useCountUp } from './countUp';

const HIGHLIGHT_MS = 2500;

/** A key figure in large type; it lights up for a moment when its value changes. */
export function WallKpi({
  metric,
  value,
  tooFewCases,
}: {
  metric: Metric;
  value: number | null;
  tooFewCases: boolean;
}) {
  const { language, strings } = useStrings();
  const previous = useRef(value);
  const [changed, setChanged] = useState(false);
  useEffect(
    function highlightChange() {
      if (previous.current === value) return;
      previous.current = value;
      setChanged(true);
      const timer = setTimeout(() => setChanged(false), HIGHLIGHT_MS);
      return function clearHighlight() {
        clearTimeout(timer);
      };
    },
    [value],
  );
  // Big numbers abbreviate (1.49万, 14.9k) and the unit is set smaller: a value never runs out of its box.
  const shown = useCountUp(value);
  const { number, unit } = metricParts(metric, shown, tooFewCases, language, strings, true);
  return (
    <div
      className={`wall-kpi${changed ? ' changed' : ''}`}
      data-testid={`kpi-${metric.toLowerCase().replace(/_/g, '-')}`}
      data-value={value ?? ''}
    >
      <span className="wall-kpi-label">{strings.metrics[metric]}</span>
      <span className="wall-kpi-value">
        {number}
        {unit && <span className="wall-kpi-unit">{unit}</span>}
      </span>
    </div>
  );
}
