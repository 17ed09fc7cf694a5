import { useQuery } from '@apollo/client/react';
import type { Geometry } from 'geojson';
import type { MouseEvent, ReactNode } from 'react';
import { timeZone } from '../../../../shared/time/buckets';
import type { BasemapName, ServerConfig } from '../../components/map/basemap';
import type { Strings } from '../../i18n/catalogue';
import { useStrings } from '../../i18n/LanguageProvider';
import { CaseMap } from './CaseMap';
import { daysOverdueText } from './daysOverdueText';
import { CASE_DETAIL } from './operations';

interface Props {
  caseCode: string;
  basemap: BasemapName;
  config: ServerConfig | null;
  /** Back to the dashboard at a place: all communities, a community or a grid. */
  onPlace(communityCode: string | null, gridCode: string | null): void;
}

/**
 * One case: what it is, where it stands against its deadline, every step it went through
 * and where it is. What a visitor may not read (what was said, who acted, the exact
 * place) comes back null from the API and is left out here.
 */
export function CaseScreen({ caseCode, basemap, config, onPlace }: Props) {
  const { language, strings } = useStrings();
  const { data, loading, error } = useQuery(CASE_DETAIL, { variables: { code: caseCode } });
  const localTime = (at: string) =>
    new Date(at).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone() });
  const when = (at: string) => <time dateTime={at}>{localTime(at)}</time>;
  const status = (s: string) => strings.statuses[s as keyof Strings['statuses']];
  if (error)
    return (
      <div className="banner" role="alert" data-testid="error-banner">
        {strings.error}
      </div>
    );
  if (loading) return <div className="screen-loading skeleton" aria-busy="true" />;
  const found = data?.case;
  if (!found)
    return (
      <section className="panel case-unknown" role="alert" data-testid="case-unknown">
        {strings.cases.unknown.replace('{code}', caseCode)}{' '}
        <a href="/" onClick={go(() => onPlace(null, null))}>
          {strings.backToMap}
        </a>
      </section>
    );
  const { community, grid } = found;
  // Description and exact place come back together or not at all (the case's read policy).
  const placeNote = found.location
    ? null
    : found.description === null
      ? strings.cases.locationHidden
      : !grid.boundary && strings.cases.noPlace;
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <div className="case-screen" data-testid="case-screen">
      <nav className="breadcrumb" data-testid="breadcrumb">
        <a href="/" onClick={go(() => onPlace(null, null))}>
          {strings.allCommunities}
        </a>{' '}
        ›{' '}
        <a href={`/c/${encodeURIComponent(community.code)}`} onClick={go(() => onPlace(community.code, null))}>
          {community.name}
        </a>{' '}
        ›{' '}
        <a
          href={`/c/${encodeURIComponent(community.code)}/g/${encodeURIComponent(grid.code)}`}
          onClick={go(() => onPlace(community.code, grid.code))}
          data-testid="case-grid-link"
        >
          {grid.name}
        </a>{' '}
        › <span>{`${strings.cases.title} ${found.code}`}</span>
      </nav>
      <section className="panel case-head" data-testid="case-header">
        <h2>
          {strings.categories[found.category as keyof Strings['categories']]}
          <span className="case-status">{status(found.status)}</span>
          {found.daysOverdue !== null && <span className="badge">{strings.overdue}</span>}
        </h2>
        <dl className="case-facts">
          {fact(strings.cases.code, found.code, 'case-code')}
          {fact(strings.cases.source, strings.cases.sources[found.source as keyof Strings['cases']['sources']])}
          {fact(strings.cases.reported, when(found.reportedAt))}
          {found.acceptedAt && fact(strings.cases.accepted, when(found.acceptedAt))}
          {fact(
            strings.cases.deadline,
            <>
              {when(found.deadline)}
              {found.extendedAt && ` · ${strings.cases.extended.replace('{at}', localTime(found.extendedAt))}`}
            </>,
            'case-deadline',
          )}
          {found.closedAt && fact(strings.cases.closed, when(found.closedAt))}
          {found.daysOverdue !== null &&
            fact(strings.cases.daysOverdue, daysOverdueText(found.daysOverdue, strings), 'case-days-overdue')}
          {grid.worker?.name && fact(strings.auth.gridWorker, grid.worker.name)}
        </dl>
        {found.description && <p className="case-description">{found.description}</p>}
      </section>
      <div className="case-body">
        <section className="panel" data-testid="case-timeline">
          <h2>{strings.cases.timeline}</h2>
          <ol className="timeline">
            {found.events.map((e) => (
              <li key={`${e.at}-${e.to}`} data-testid="case-event" data-to={e.to} data-at={e.at}>
                {when(e.at)}
                <strong>{e.from && e.from !== e.to ? `${status(e.from)} → ${status(e.to)}` : status(e.to)}</strong>
                {e.actor && <span className="muted"> · {e.actor}</span>}
                {e.note && <p>{e.note}</p>}
              </li>
            ))}
          </ol>
        </section>
        <section className="panel">
          <h2>{strings.cases.place}</h2>
          {Boolean(found.location || grid.boundary) && (
            <CaseMap
              caseCode={found.code}
              boundary={grid.boundary as Geometry | null}
              location={found.location ?? null}
              overdue={found.daysOverdue !== null}
              basemap={basemap}
              config={config}
            />
          )}
          {placeNote && <p className="muted">{placeNote}</p>}
        </section>
      </div>
    </div>
  );
}

/** A link that moves within the dashboard instead of loading the page again. */
const go = (move: () => void) => (e: MouseEvent) => {
  e.preventDefault();
  move();
};
