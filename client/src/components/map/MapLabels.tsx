import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { layoutLabels, LINE_HEIGHT, type LabelBox, type LabelCandidate } from './labelLayout';

const FONT = '600 12px "Noto Sans SC Variable", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** A label's width in pixels, measured in the font the labels are drawn in, with room for the halo; each name once. */
function measurer(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 13 + 8;
  context.font = FONT;
  const widths = new Map<string, number>();
  // Names measured in a fallback font before the web font came are measured again.
  void document.fonts?.ready.then(() => widths.clear());
  return (text) => {
    if (!widths.has(text)) widths.set(text, context.measureText(text).width + 8);
    return widths.get(text)!;
  };
}

/**
 * Label candidates of GeoJSON places: each one whose centre is on screen, with its width there.
 * `beside`: pixels right of the centre, beside a marker drawn there.
 */
export function featureCandidates(
  features: Feature<Geometry, { code: string; name: string }>[],
  beside = 0,
): (map: L.Map) => LabelCandidate[] {
  const places = features
    .map((f) => ({ properties: f.properties, bounds: L.geoJSON(f).getBounds() }))
    .filter((p) => p.bounds.isValid());
  return (map) => {
    const size = map.getSize();
    return places.flatMap(({ properties: { code, name }, bounds }) => {
      const at = map.latLngToContainerPoint(bounds.getCenter());
      if (at.x < 0 || at.y < 0 || at.x > size.x || at.y > size.y) return [];
      const [west, east] = [bounds.getWest(), bounds.getEast()].map(
        (lng) => map.latLngToContainerPoint([bounds.getCenter().lat, lng]).x,
      );
      const width = east - west;
      return [{ code, name, x: at.x, y: at.y, width, priority: width, beside }];
    });
  };
}

/** Stacking every name is readable while few places are in view; among more, the larger places' names that fit are shown. */
const STACKED_AT_MOST = 12;

/**
 * The places' names as text on the map, placed so that none overlap and laid out again after
 * every pan and zoom, and when `candidates` changes (more places drawn). It says which places
 * are on screen now and where. `group` keeps every name (the overview's communities,
 * stacked where they crowd together) while few are in view; otherwise a place's name shows
 * where it fits.
 */
export function MapLabels({ candidates, group }: { candidates(map: L.Map): LabelCandidate[]; group: boolean }) {
  const map = useMap();
  const [boxes, setBoxes] = useState<LabelBox[]>([]);
  const [origin, setOrigin] = useState({ x: 0, y: 0 });
  // In a pane of the map's own, so that labels move with it while it is dragged.
  const pane = map.getPane('labels') ?? map.createPane('labels');
  const [measure] = useState(measurer);
  useEffect(
    function placeLabels() {
      const place = () => {
        const shown = candidates(map);
        setBoxes(layoutLabels(shown, measure, group && shown.length <= STACKED_AT_MOST));
        setOrigin(map.containerPointToLayerPoint([0, 0]));
      };
      place();
      map.on('moveend zoomend resize', place);
      return function stopPlacing() {
        map.off('moveend zoomend resize', place);
      };
    },
    [map, candidates, group, measure],
  );
  return createPortal(
    <div aria-hidden="true">
      {boxes.map((box) => (
        <div
          key={box.names.map((n) => n.code).join()}
          className="map-label-box"
          style={{
            left: box.left + origin.x,
            top: box.top + origin.y,
            width: box.width,
            lineHeight: `${LINE_HEIGHT}px`,
          }}
        >
          {box.names.map((n) => (
            <span key={n.code} className="map-label" data-testid="map-label" data-code={n.code}>
              {n.name}
            </span>
          ))}
        </div>
      ))}
    </div>,
    pane,
  );
}
