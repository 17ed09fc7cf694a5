import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { PrintHeading } from '../components/PrintHeading';
import { CaseFlowChart } from '../features/charts/CaseFlowChart';
import { KpiCards } from '../features/charts/KpiCards';
import { VolunteerHoursChart } from '../features/charts/VolunteerHoursChart';
import { OverdueList } from '../features/cases/OverdueList';
import { COMMUNITY_NAMES } from '../features/compare/operations';
import { LeagueTable } from '../features/report/LeagueTable';
import { currentMonth, lastWholeMonth, monthTitle, reportMonth } from '../features/report/month';
import { useStrings } from '../i18n/LanguageProvider';
import type { Metric } from '../../../shared/metrics/definitions';
import { localDay } from '../../../shared/time/buckets';
import { SCOPE_SERIES, SCOPE_SUMMARY } from './queries';
import { routeUrl, type Route } from './route';

/** The month's assessment figures, in the order of the monthly bulletins. */
const REPORT_METRICS = [
  'CASES_REPORTED',
  'CASES_CLOSED',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'OVERDUE_OPEN',
  'BACKLOG',
  'SATISFACTION',
  'VOLUNTEER_HOURS',
] as const;

interface Props {
  route: Route;
  /** The server's time zone, which the month is counted in. */
  zone: string;
  navigate(next: Partial<Route>): void;
}

/**
 * The monthly report for the leaders' meeting, laid out on A4 landscape sheets: the month's
 * assessment figures against the month before (环比) and a year before (同比), the league
 * table with grades, the 12 months that end with it, and every case overdue now. On screen
 * only: a month picker and a print button.
 */
export function MonthlyReport({ route, zone, navigate }: Props) {
  const { language, strings } = useStrings();
  const code = route.communityCode;
  const text = route.month ?? lastWholeMonth();
  // Again once the server's time zone is known, as the dashboard's period (App).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const month = useMemo(() => reportMonth(text), [text, zone]);
  const shown = typeof month === 'string' ? null : month;
  const names = useQuery(COMMUNITY_NAMES);
  const community = names.data?.communities.find((c) => c.code === code);
  const unknownScope = code !== null && names.data !== undefined && !community;
  const ready = shown !== null && !unknownScope;
  const period = { from: shown?.from ?? '', to: shown?.to ?? '' };
  const summary = useQuery(SCOPE_SUMMARY, {
    variables: { metrics: [...REPORT_METRICS], communityCode: code, gridCode: null, ...period },
    skip: !ready,
  });
  const series = useQuery(SCOPE_SERIES, {
    variables: { communityCode: code, gridCode: null, from: shown?.trendFrom ?? '', to: period.to },
    skip: !ready,
  });
  const values = summary.dataState === 'complete' ? summary.data.summary : null;
  const provenance = (metric: Metric) => values?.find((v) => v.metric === metric)?.provenance;
  const problem = unknownScope
    ? strings.report.unknownScope.replace('{scope}', code)
    : month === 'malformed' || month === 'future'
      ? strings.report[month].replace('{month}', text)
      : null;
  const scopeName = community?.name ?? (code ? code : strings.allCommunities);
  const monthly = shown && {
    communities: code,
    from: localDay(new Date(shown.trendFrom)),
    to: localDay(new Date(shown.to)),
    dimensions: 'TIME',
    bucket: 'MONTH',
  };
  return (
    <div className="report">
      <div className="report-toolbar">
        <a
          href={routeUrl({ ...route, screen: 'dashboard' })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'dashboard' });
          }}
        >
          {strings.report.back}
        </a>
        <label>
          {strings.report.month}
          <input
            type="month"
            value={shown?.month ?? ''}
            min="2000-01"
            max={currentMonth()}
            data-testid="report-month"
            onChange={(e) => e.target.value && navigate({ month: e.target.value })}
          />
        </label>
        <button type="button" className="primary" data-testid="print" onClick={() => window.print()}>
          {strings.report.print}
        </button>
      </div>
      {problem ? (
        <p className="banner" role="alert" data-testid="report-problem">
          {problem}
        </p>
      ) : (
        shown && (
          <article className="report-sheet" data-testid="report">
            {(summary.error ?? series.error) && (
              <p className="banner" role="alert">
                {strings.error}
              </p>
            )}
            <PrintHeading
              title={strings.report.title.replace('{scope}', scopeName).replace('{month}', monthTitle(shown, language))}
              scope={scopeName}
              period={`${localDay(new Date(shown.from))} – ${localDay(new Date(shown.to))}${shown.partial ? ` (${strings.trend.partial})` : ''}`}
              values={values}
            />
            <section className="report-figures" aria-label={strings.report.figures}>
              <KpiCards kpis={values} />
            </section>
            <LeagueTable communityCode={code} period={period} provenance={provenance('ON_TIME_RATE')} />
            <div className="report-trend">
              <CaseFlowChart
                series={series.data ?? null}
                loading={series.loading}
                partial={shown.partial}
                provenance={provenance('CLOSURE_RATE')}
                downloads={{ ...monthly, measures: ['CASES_REPORTED', 'CASES_CLOSED', 'CLOSURE_RATE', 'ON_TIME_RATE'] }}
              />
              <VolunteerHoursChart
                points={series.data?.hours ?? []}
                loading={series.loading}
                partial={shown.partial}
                provenance={provenance('VOLUNTEER_HOURS')}
                downloads={{ ...monthly, measures: 'VOLUNTEER_HOURS' }}
              />
            </div>
            <OverdueList
              communityCode={code}
              gridCode={null}
              all
              onOpen={(caseCode) => navigate({ screen: 'case', caseCode })}
            />
          </article>
        )
      )}
    </div>
  );
}
