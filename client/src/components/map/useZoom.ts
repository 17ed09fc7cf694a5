import { useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';

/** The map's zoom, kept up to date: for what is drawn only at some zooms. */
export function useZoom(): number {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return zoom;
}
