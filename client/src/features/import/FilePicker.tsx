import { useRef, useState, type DragEvent } from 'react';
import type { Language } from '../../../../shared/format/number';
import { useStrings } from '../../i18n/LanguageProvider';

/** What the server reads; a bare .shp is left out (its attributes are in the .dbf: zip them together). */
const ACCEPTED = '.geojson,.json,.kml,.zip,.xlsx,.xls,.csv,.tsv,.txt';

/** The same file dropped and then picked is sent once. */
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

function sizeText(bytes: number, language: Language): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

interface Props {
  files: File[];
  disabled: boolean;
  onChange(files: File[]): void;
}

/** Files by drag-and-drop or the browser's picker, several at once; each can be taken out again before checking. */
export function FilePicker({ files, disabled, onChange }: Props) {
  const { strings, language } = useStrings();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const add = (chosen: FileList | null) => {
    const added = [...(chosen ?? [])].filter((file) => !files.some((known) => sameFile(file, known)));
    if (added.length) onChange([...files, ...added]);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(event.dataTransfer.files);
  };
  return (
    <div className="import-files">
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(!disabled);
        }}
        // Leaving for a child of the zone is not leaving the zone.
        onDragLeave={(event) => !event.currentTarget.contains(event.relatedTarget as Node) && setOver(false)}
        onDrop={drop}
      >
        <p>
          {strings.import.drop}{' '}
          <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
            {strings.import.choose}
          </button>
        </p>
        <small>{strings.import.accepts}</small>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED}
          className="visually-hidden"
          tabIndex={-1}
          data-testid="import-file-input"
          onChange={(event) => {
            add(event.target.files);
            // Choosing the same file again, after removing it, must fire a change.
            event.target.value = '';
          }}
        />
      </div>
      {files.length > 0 && (
        <ul className="file-list" data-testid="import-file-list">
          {files.map((file) => (
            <li key={`${file.name}/${file.size}/${file.lastModified}`}>
              <span className="file-name">{file.name}</span>
              <span className="muted">{sizeText(file.size, language)}</span>
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                onClick={() => onChange(files.filter((f) => f !== file))}
              >
                {strings.import.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
