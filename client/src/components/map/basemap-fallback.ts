import { useCallback, useState } from 'react';
import type { BasemapName, ServerConfig } from './basemap';

/** The basemap drawn: the chosen one, else the offline archive when there is one, else our boundaries alone. */
export function basemapShown(chosen: BasemapName, failed: BasemapName[], offline: boolean): BasemapName {
  const order: BasemapName[] = offline ? [chosen, 'offline', 'none'] : [chosen, 'none'];
  return order.find((name) => name === 'none' || !failed.includes(name))!;
}

export interface BasemapFallback {
  shown: BasemapName;
  /** The chosen basemap when its tiles failed; null while it draws. */
  failed: BasemapName | null;
  onFailed(name: BasemapName): void;
}

/** Failures count for the current choice only: choosing a basemap again tries it afresh. */
export function useBasemapFallback(chosen: BasemapName, config: ServerConfig | null): BasemapFallback {
  const [failures, setFailures] = useState<{ chosen: BasemapName; failed: BasemapName[] }>({ chosen, failed: [] });
  const failed = failures.chosen === chosen ? failures.failed : [];
  const onFailed = useCallback(
    (name: BasemapName) =>
      setFailures((before) => ({ chosen, failed: [...(before.chosen === chosen ? before.failed : []), name] })),
    [chosen],
  );
  return { shown: basemapShown(chosen, failed, Boolean(config?.offlineBasemap)), failed: failed[0] ?? null, onFailed };
}
