import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Crs } from '../../../../shared/geo/convert';
import { tileLevelAt, type TileLevel } from '../../../../shared/geo/place-tiles';
import { PlaceTileLayer } from './PlaceTileLayer';
import { placeTileReader, type TilePlace } from './placeTiles';

/** The level drawn at a map zoom: the layer draws 512-px tiles from the server's tiles one zoom up. */
export const levelAtMapZoom = (zoom: number): TileLevel => tileLevelAt(Math.max(0, Math.round(zoom) - 1));

interface Props {
  /** The tile URL template mapTiles gives. */
  url: string;
  crs: Crs;
  fill(place: TilePlace): string;
  /** The hover text of a place. */
  label(place: TilePlace): string;
  onSelect(place: TilePlace): void;
  /** Tiles began loading (true), or every tile on screen is drawn (false: the layer says what it holds). */
  onLoading(loading: boolean, layer: PlaceTileLayer): void;
  onLevel(level: TileLevel): void;
}

/**
 * The places' vector tiles as a layer of the map, with a hover text and a click for each place.
 * The layer is made anew only for another URL or coordinate system; another `fill` repaints it.
 */
export function PlaceTiles({ url, crs, fill, label, onSelect, onLoading, onLevel }: Props) {
  const map = useMap();
  const layerRef = useRef<PlaceTileLayer | null>(null);
  const latest = useRef({ fill, label, onSelect, onLoading, onLevel });
  useEffect(function keepLatestProps() {
    latest.current = { fill, label, onSelect, onLoading, onLevel };
  });

  useEffect(
    function addTileLayer() {
      const layer = new PlaceTileLayer({
        read: placeTileReader(url),
        crs,
        fill: (place) => latest.current.fill(place),
        pane: 'overlayPane',
      });
      layerRef.current = layer;
      const tooltip = L.tooltip({ direction: 'top', offset: [0, -8] });
      let pointer: L.LatLng | null = null;
      let scheduled = false;
      const showPlaceUnderPointer = () => {
        scheduled = false;
        const place = pointer && layer.placeAt(pointer);
        map.getContainer().style.cursor = place ? 'pointer' : '';
        if (!place) return void map.closeTooltip(tooltip);
        tooltip.setLatLng(pointer!).setContent(latest.current.label(place));
        if (!map.hasLayer(tooltip)) map.openTooltip(tooltip);
      };
      const handlers = {
        mousemove(event: L.LeafletMouseEvent) {
          pointer = event.latlng;
          // At most once a frame, however fast the pointer moves.
          if (!scheduled) requestAnimationFrame(showPlaceUnderPointer);
          scheduled = true;
        },
        mouseout() {
          pointer = null;
          map.closeTooltip(tooltip);
        },
        click(event: L.LeafletMouseEvent) {
          const place = layer.placeAt(event.latlng);
          if (place) latest.current.onSelect(place);
        },
        zoomend() {
          latest.current.onLevel(levelAtMapZoom(map.getZoom()));
        },
      };
      layer.on('loading', () => latest.current.onLoading(true, layer));
      layer.on('load', () => latest.current.onLoading(false, layer));
      layer.addTo(map);
      map.on(handlers);
      latest.current.onLevel(levelAtMapZoom(map.getZoom()));
      return function removeTileLayer() {
        map.off(handlers);
        map.closeTooltip(tooltip);
        layer.remove();
        layerRef.current = null;
      };
    },
    [map, url, crs],
  );

  useEffect(
    function repaint() {
      layerRef.current?.setFill((place) => latest.current.fill(place));
    },
    [fill],
  );
  return null;
}
