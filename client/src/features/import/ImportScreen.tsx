import { useState, type FormEvent } from 'react';
import { AdminFrame } from '../../components/AdminFrame';
import { loginUrl } from '../../components/session';
import { useStrings } from '../../i18n/LanguageProvider';
import { FilePicker } from './FilePicker';
import { ImportOptionsFields } from './ImportOptionsFields';
import { ImportReportView } from './ImportReportView';
import { PreviewMap } from './PreviewMap';
import { ImportFailure, sendImport, type ImportOptions, type ImportProgress, type ImportReport } from './upload';

const NO_OPTIONS: ImportOptions = { kind: '', crs: '', encoding: '', sheet: '', asOf: '', map: '' };

/** /admin/import: an admin checks files against the database, looks at them on a map, then imports them. */
export function ImportScreen() {
  const { strings } = useStrings();
  return (
    <AdminFrame page="import" title={strings.import.title} forbidden={strings.import.forbidden}>
      <Importer />
    </AdminFrame>
  );
}

function Importer() {
  const { strings } = useStrings();
  // The files stay here after the check: confirming sends the very same ones again.
  const [files, setFiles] = useState<File[]>([]);
  const [options, setOptions] = useState(NO_OPTIONS);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  /** Other files or options make the last check say nothing of them: check again before importing. */
  const forgetReports = () => {
    setChecked(null);
    setImported(null);
    setFailure(null);
  };
  const send = async (check: boolean) => {
    setFailure(null);
    setProgress(null);
    setBusy(check ? 'checking' : 'importing');
    if (check) {
      setChecked(null);
      setImported(null);
    }
    try {
      const report = await sendImport(files, options, check, setProgress);
      if (check) setChecked(report);
      else setImported(report);
    } catch (error) {
      setFailure(error instanceof ImportFailure ? error : new ImportFailure('server', String(error)));
    } finally {
      setBusy(null);
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };
  const canImport = checked && checked.problems.length === 0 && checked.created + checked.updated + checked.retired > 0;

  return (
    <main className="import">
      <form className="panel import-form" onSubmit={check} data-testid="import-form">
        <h2>{strings.import.files}</h2>
        <fieldset disabled={busy !== null}>
          <FilePicker
            files={files}
            disabled={busy !== null}
            onChange={(chosen) => {
              setFiles(chosen);
              forgetReports();
            }}
          />
          <ImportOptionsFields
            options={options}
            onChange={(changed) => {
              setOptions(changed);
              forgetReports();
            }}
          />
        </fieldset>
        <button type="submit" className="primary" disabled={!files.length || busy !== null} data-testid="import-check">
          {strings.import.check}
        </button>
      </form>
      <section className="panel import-outcome" aria-live="polite" data-testid="import-outcome">
        {failure && <FailureMessage failure={failure} />}
        {busy && <ProgressBar busy={busy} progress={progress} />}
        {imported ? (
          <div className="import-report" data-testid="import-result">
            <h2>{strings.import.resultTitle}</h2>
            <ImportReportView
              report={imported}
              action={
                <button
                  type="button"
                  onClick={() => {
                    setFiles([]);
                    forgetReports();
                  }}
                  data-testid="import-again"
                >
                  {strings.import.again}
                </button>
              }
            />
          </div>
        ) : checked ? (
          <div className="import-report" data-testid="import-check-report">
            <h2>{strings.import.checkTitle}</h2>
            <ImportReportView
              report={checked}
              action={
                canImport && (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy !== null}
                    onClick={() => void send(false)}
                    data-testid="import-confirm"
                  >
                    {strings.import.confirm}
                  </button>
                )
              }
            />
            {checked.problems.length === 0 &&
              (checked.preview?.features.length ? (
                <PreviewMap preview={checked.preview} />
              ) : (
                <p className="muted">{strings.import.previewEmpty}</p>
              ))}
          </div>
        ) : (
          !busy && (
            <div className="import-report">
              <h2>{strings.import.checkTitle}</h2>
              <p>{strings.import.intro}</p>
              <p className="muted">{strings.import.waiting}</p>
            </div>
          )
        )}
      </section>
    </main>
  );
}

/** The phase the server reports and how far it is; a bar that only moves while the upload has no phase yet. */
function ProgressBar({ busy, progress }: { busy: 'checking' | 'importing'; progress: ImportProgress | null }) {
  const { strings } = useStrings();
  const phase = strings.import.phases[progress?.phase ?? 'sending'];
  const counted = progress && progress.total > 0;
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={progress?.phase ?? 'sending'}>
      <span>
        {busy === 'checking' ? strings.import.check : strings.import.confirm} · {phase}
        {counted && ` ${progress.done} / ${progress.total}`}
      </span>
      <progress max={counted ? progress.total : undefined} value={counted ? progress.done : undefined} />
    </div>
  );
}

function FailureMessage({ failure }: { failure: ImportFailure }) {
  const { strings } = useStrings();
  return (
    <div className="import-failure" role="alert" data-testid="import-failure" data-reason={failure.reason}>
      <p>{strings.import.failures[failure.reason]}</p>
      <small>{failure.detail}</small>
      {failure.reason === 'unauthenticated' && (
        <a href={loginUrl('expired')} target="_blank" rel="noreferrer">
          {strings.import.signInAgain}
        </a>
      )}
    </div>
  );
}
