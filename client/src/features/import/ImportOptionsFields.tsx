import { useStrings } from '../../i18n/LanguageProvider';
import type { ImportKind, ImportOptions } from './upload';

const KINDS: ('' | ImportKind)[] = ['', 'boundaries', 'figures', 'cases'];
const CRS_PRESETS = ['', 'wgs84', 'gcj02', 'bd09', 'cgcs2000'] as const;
const ENCODINGS: ImportOptions['encoding'][] = ['', 'utf8', 'gbk'];

/** The select's choice for a `crs` value: a preset, or any other text is an EPSG code being typed. */
function crsChoice(crs: string): (typeof CRS_PRESETS)[number] | 'epsg' {
  return CRS_PRESETS.find((preset) => preset === crs) ?? 'epsg';
}

interface Props {
  options: ImportOptions;
  onChange(options: ImportOptions): void;
}

/** The options of `npm run import`, as form fields; each left empty is the server's to recognise. */
export function ImportOptionsFields({ options, onChange }: Props) {
  const { strings } = useStrings();
  const set = (name: keyof ImportOptions, value: string) => onChange({ ...options, [name]: value });
  const crs = crsChoice(options.crs);
  return (
    <div className="import-options">
      <label>
        {strings.import.kind}
        <select value={options.kind} onChange={(e) => set('kind', e.target.value)} data-testid="import-kind">
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {strings.import.kinds[kind || 'auto']}
            </option>
          ))}
        </select>
      </label>
      <label>
        {strings.import.crs}
        <select
          value={crs}
          onChange={(e) => set('crs', e.target.value === 'epsg' ? 'EPSG:' : e.target.value)}
          data-testid="import-crs"
        >
          {[...CRS_PRESETS, 'epsg' as const].map((choice) => (
            <option key={choice} value={choice}>
              {strings.import.crsOptions[choice || 'auto']}
            </option>
          ))}
        </select>
        <small className="hint">{strings.import.crsHint}</small>
      </label>
      {crs === 'epsg' && (
        <label>
          {strings.import.epsg}
          <input
            value={options.crs}
            onChange={(e) => set('crs', e.target.value)}
            pattern="EPSG:\d{4,5}"
            placeholder="EPSG:4547"
            required
            data-testid="import-epsg"
          />
        </label>
      )}
      <label>
        {strings.import.encoding}
        <select
          value={options.encoding}
          onChange={(e) => set('encoding', e.target.value)}
          data-testid="import-encoding"
        >
          {ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {strings.import.encodings[encoding || 'auto']}
            </option>
          ))}
        </select>
      </label>
      <div className="import-option-pair">
        <label>
          {strings.import.sheet}
          <input
            value={options.sheet}
            onChange={(e) => set('sheet', e.target.value)}
            placeholder={strings.import.sheetHint}
            data-testid="import-sheet"
          />
        </label>
        <label title={strings.import.asOfHint}>
          {strings.import.asOf}
          <input
            type="date"
            value={options.asOf}
            onChange={(e) => set('asOf', e.target.value)}
            data-testid="import-as-of"
          />
        </label>
      </div>
      <details>
        <summary>{strings.import.advanced}</summary>
        <label>
          {strings.import.map}
          <input
            value={options.map}
            onChange={(e) => set('map', e.target.value)}
            placeholder={strings.import.mapHint}
            data-testid="import-map"
          />
        </label>
      </details>
    </div>
  );
}
