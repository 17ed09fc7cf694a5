import type L from 'leaflet';
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { useMap } from 'react-leaflet';

/**
 * Leaflet measures its box only when told, and paper is narrower or wider than the screen:
 * just before printing, the map takes its printed size (.map-print in the stylesheet) and
 * shows all of `bounds`; after, its place and the view the leader had. In flushSync, so that
 * what React draws over the map (its labels) moves along before the page is laid out.
 */
export function PrintFit({ bounds }: { bounds: L.LatLngBounds }) {
  const map = useMap();
  useEffect(
    function fitPaperWhenPrinting() {
      let view: { center: L.LatLng; zoom: number } | null = null;
      const container = map.getContainer();
      const beforePrint = () => {
        view = { center: map.getCenter(), zoom: map.getZoom() };
        container.classList.add('map-print');
        flushSync(() => {
          map.invalidateSize({ pan: false });
          if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17, animate: false });
        });
      };
      const afterPrint = () => {
        container.classList.remove('map-print');
        flushSync(() => {
          map.invalidateSize({ pan: false });
          if (view) map.setView(view.center, view.zoom, { animate: false });
        });
      };
      window.addEventListener('beforeprint', beforePrint);
      window.addEventListener('afterprint', afterPrint);
      return function stopFittingPaper() {
        window.removeEventListener('beforeprint', beforePrint);
        window.removeEventListener('afterprint', afterPrint);
      };
    },
    [map, bounds],
  );
  return null;
}
