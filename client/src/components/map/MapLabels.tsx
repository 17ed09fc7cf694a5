import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import { layoutLabels, LINE_HEIGHT, type LabelBox } from './labelLayout';

const FONT = '600 12px "Noto Sans SC Variable", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** A label's width in pixels, measured in the font the labels are drawn in, with room for the halo. */
function measurer(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 13 + 8;
  context.font = FONT;
  return (text) => context.measureText(text).width + 8;
}

/**
 * The places' names as text on the map, placed so that none overlap and laid out again after
 * every pan and zoom: `group` keeps every name (the overview's communities, stacked where they
 * crowd together); otherwise a grid's name shows at zooms where it fits.
 */
export function MapLabels({
  features,
  group,
  beside = 0,
}: {
  features: Feature<Geometry, { code: string; name: string }>[];
  group: boolean;
  /** Pixels to the right of each place's centre, beside its marker; 0 on the place itself. */
  beside?: number;
}) {
  const map = useMap();
  const [boxes, setBoxes] = useState<LabelBox[]>([]);
  const [origin, setOrigin] = useState({ x: 0, y: 0 });
  // In a pane of the map's own, so that labels move with it while it is dragged.
  const pane = map.getPane('labels') ?? map.createPane('labels');
  useEffect(
    function placeLabels() {
      const measure = measurer();
      const place = () => {
        const size = map.getSize();
        const candidates = features.flatMap((f) => {
          const bounds = L.geoJSON(f).getBounds();
          if (!bounds.isValid()) return [];
          const at = map.latLngToContainerPoint(bounds.getCenter());
          if (at.x < 0 || at.y < 0 || at.x > size.x || at.y > size.y) return [];
          const [west, east] = [bounds.getWest(), bounds.getEast()].map(
            (lng) => map.latLngToContainerPoint([bounds.getCenter().lat, lng]).x,
          );
          const width = east - west;
          return [{ code: f.properties.code, name: f.properties.name, x: at.x, y: at.y, width, priority: width }];
        });
        setBoxes(layoutLabels(candidates, measure, group, beside));
        setOrigin(map.containerPointToLayerPoint([0, 0]));
      };
      place();
      map.on('moveend zoomend resize', place);
      return function stopPlacing() {
        map.off('moveend zoomend resize', place);
      };
    },
    [map, features, group, beside],
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
