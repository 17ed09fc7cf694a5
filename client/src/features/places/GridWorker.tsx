import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useStrings } from '../../i18n/LanguageProvider';

const GRID_WORKER = graphql(`
  query GridWorker($code: String!) {
    grid(code: $code) {
      code
      worker {
        name
        phone
      }
    }
  }
`);

/** The grid worker who answers for the grid, for the leaders of its area; a note for everyone else. */
export function GridWorker({ gridCode }: { gridCode: string }) {
  const { strings } = useStrings();
  const { data } = useQuery(GRID_WORKER, { variables: { code: gridCode } });
  if (!data?.grid) return null;
  const worker = data.grid.worker;
  return (
    <section className="panel grid-worker" data-testid="grid-worker">
      {worker?.name ? (
        <p>
          {strings.auth.gridWorker}: <strong data-testid="grid-worker-name">{worker.name}</strong>
          {worker.phone && (
            <>
              {' · '}
              <a href={`tel:${worker.phone}`} data-testid="grid-worker-phone">
                {worker.phone}
              </a>
            </>
          )}
        </p>
      ) : (
        <p className="muted" data-testid="grid-worker-hidden">
          {strings.auth.gridWorkerHidden}
        </p>
      )}
    </section>
  );
}
