import { MAX_COMPARED } from '../../../../shared/enums';
import type { ComparePlacesQuery } from '../../gql/graphql';
import { useStrings } from '../../i18n/LanguageProvider';

interface Props {
  places: ComparePlacesQuery['communities'];
  communityCodes: string[];
  gridCodes: string[];
  onChange(communityCodes: string[], gridCodes: string[]): void;
}

const toggled = (codes: string[], code: string) =>
  codes.includes(code) ? codes.filter((c) => c !== code) : [...codes, code];

/** Communities to tick, and under each its grids, up to MAX_COMPARED places in all. */
export function ComparePicker({ places, communityCodes, gridCodes, onChange }: Props) {
  const { strings } = useStrings();
  const full = communityCodes.length + gridCodes.length >= MAX_COMPARED;
  const box = (code: string, name: string, codes: string[], change: (next: string[]) => void) => (
    <label key={code}>
      <input
        type="checkbox"
        checked={codes.includes(code)}
        disabled={full && !codes.includes(code)}
        onChange={() => change(toggled(codes, code))}
        data-testid={`pick-${code}`}
      />
      {name}
    </label>
  );
  return (
    <section className="panel picker">
      <h2>{strings.compareHint}</h2>
      <div className="picker-row">
        {places.map((c) => box(c.code, c.name, communityCodes, (next) => onChange(next, gridCodes)))}
      </div>
      {places
        .filter((c) => c.grids.length > 0)
        .map((c) => (
          // Open where grids are picked, so that a shared link shows what it compares.
          <details key={c.code} open={c.grids.some((g) => gridCodes.includes(g.code))}>
            <summary>{strings.gridsOf.replace('{name}', c.name)}</summary>
            <div className="picker-row">
              {c.grids.map((g) => box(g.code, g.name, gridCodes, (next) => onChange(communityCodes, next)))}
            </div>
          </details>
        ))}
    </section>
  );
}
