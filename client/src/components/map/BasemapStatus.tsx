import { useStrings } from '../../i18n/LanguageProvider';
import type { ServerConfig } from './basemap';
import type { BasemapFallback } from './basemap-fallback';

/**
 * Over the map: why another basemap is drawn than the one chosen, and in its corner the
 * 审图号 and the credits of the basemap drawn, as publishing a map in China asks.
 */
export function BasemapStatus({ fallback, config }: { fallback: BasemapFallback; config: ServerConfig | null }) {
  const { strings } = useStrings();
  const { shown, failed } = fallback;
  const credits = [
    config?.mapApprovalNumber && strings.mapApproval.replace('{number}', config.mapApprovalNumber),
    shown === 'offline' ? config?.offlineBasemap?.attribution : shown !== 'none' && strings.basemapCredits[shown],
  ].filter(Boolean);
  return (
    <>
      {failed && (
        <div className="basemap-failed" role="status" data-testid="basemap-failed">
          {strings.basemapFailed[shown === 'offline' ? 'offline' : 'none'].replace(
            '{basemap}',
            strings.basemaps[failed],
          )}
        </div>
      )}
      {credits.length > 0 && (
        <div className="map-credits" data-testid="map-credits">
          {credits.join(' · ')}
        </div>
      )}
    </>
  );
}
