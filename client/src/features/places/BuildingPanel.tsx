import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useStrings } from '../../i18n/LanguageProvider';
import { BUILDING_KIND_TEXT, inLanguage } from '../../../../shared/vocabulary';
import type { BuildingKind } from '../../../../shared/enums';
import { formatNumber } from '../../../../shared/format/number';

const BUILDING = graphql(`
  query BuildingView($code: String!) {
    building(code: $code) {
      code
      name
      kind
      floors
      units
      population
      households
      generated
    }
  }
`);

/** A building picked on its grid's map or found by the search: what it is and who lives there. */
export function BuildingPanel({ code, onClose }: { code: string; onClose(): void }) {
  const { language, strings } = useStrings();
  const { data, loading } = useQuery(BUILDING, { variables: { code } });
  const building = data?.building;
  if (loading && !building) return <section className="panel skeleton" aria-busy="true" />;
  if (!building) return null;
  const number = (value: number, unit: 'people' | 'households') =>
    `${formatNumber(value, unit, language)} ${strings.units[unit]}`;
  return (
    <section className="panel building-view" data-testid="building-view" data-code={building.code}>
      <h2>
        {building.name}
        <button type="button" className="link-button" onClick={onClose} aria-label={strings.building.close}>
          ×
        </button>
      </h2>
      <dl>
        <dt>{strings.building.kind}</dt>
        <dd>{inLanguage(BUILDING_KIND_TEXT[building.kind as BuildingKind], language)}</dd>
        <dt>{strings.building.floors}</dt>
        <dd>
          {building.floors} · {building.units} {strings.building.units}
        </dd>
        <dt>{strings.metrics.POPULATION}</dt>
        <dd data-testid="building-population">{number(building.population, 'people')}</dd>
        <dt>{strings.metrics.HOUSEHOLDS}</dt>
        <dd>{number(building.households, 'households')}</dd>
      </dl>
      {building.generated && <p className="muted">{strings.provenanceMeaning.GENERATED}</p>}
    </section>
  );
}
