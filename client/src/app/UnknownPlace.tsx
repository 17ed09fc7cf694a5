import { useStrings } from '../i18n/LanguageProvider';
import type { Route } from './route';

interface Props {
  /** The code the address gives. */
  code: string;
  /** The community around an unknown grid; null when the community itself is unknown. */
  community: { code: string; name: string } | null;
  navigate(next: Partial<Route>): void;
}

/** An address that names no place: said plainly, with the way back, not as the error every query about it gives. */
export function UnknownPlace({ code, community, navigate }: Props) {
  const { strings } = useStrings();
  const message = community ? strings.unknownGrid : strings.unknownCommunity;
  return (
    <main className="unknown-place">
      <section className="panel" role="alert" data-testid="unknown-place">
        <h2>{message.replace('{code}', code)}</h2>
        <a
          href={community ? `/c/${encodeURIComponent(community.code)}` : '/'}
          onClick={(e) => {
            e.preventDefault();
            navigate(community ? { gridCode: null } : { communityCode: null, gridCode: null });
          }}
        >
          {community ? community.name : strings.allCommunities}
        </a>
      </section>
    </main>
  );
}
