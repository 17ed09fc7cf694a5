import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Crs } from '../../../../shared/geo/convert';
import { GRID_TILE_ZOOM, tileLevelAt, type TileLevel } from '../../../../shared/geo/place-tiles';
import { PlaceTileLayer } from './PlaceTileLayer';
import { placeTileReader, type TilePlace } from './placeTiles';

/** The layer draws 512-px tiles from the server's tiles one zoom up. */
const tileZoomAt = (mapZoom: number) => Math.max(0, Math.round(mapZoom) - 1);

/** A sub-district clicked is zoomed into until it fills about this share of the map's shorter side. */
const ZOOMED_SHARE = 0.6;

interface Props {
  /** The tile URL template mapTiles gives. */
  url: string;
  /** The tile zoom from which the tiles hold communities, sub-districts below (mapTiles). */
  communityMinZoom: number;
  crs: Crs;
  fill(place: TilePlace): string;
  /** The hover text of a place. */
  label(place: TilePlace): string;
  /** A community or grid was clicked (a sub-district clicked is zoomed into). */
  onSelect(place: TilePlace): void;
  /** Tiles began loading (true), or every tile on screen is drawn (false: the layer says what it holds). */
  onLoading(loading: boolean, layer: PlaceTileLayer): void;
  onLevel(level: TileLevel): void;
}

/**
 * The places' vector tiles as a layer of the map, with a hover text and a click for each place.
 * The layer is made anew only for another URL or coordinate system; another `fill` repaints it.
 */
export function PlaceTiles({ url, communityMinZoom, crs, fill, label, onSelect, onLoading, onLevel }: Props) {
  const map = useMap();
  const layerRef = useRef<PlaceTileLayer | null>(null);
  const latest = useRef({ fill, label, onSelect, onLoading, onLevel });
  useEffect(function keepLatestProps() {
    latest.current = { fill, label, onSelect, onLoading, onLevel };
  });

  useEffect(
    function addTileLayer() {
      const levelAt = (mapZoom: number): TileLevel => tileLevelAt(tileZoomAt(mapZoom), communityMinZoom);
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
          if (!place) return;
          if (place.level !== 'SUB_DISTRICT') return latest.current.onSelect(place);
          const { x, y } = map.getSize();
          const fitting = Math.floor(Math.log2((ZOOMED_SHARE * Math.min(x, y)) / place.size));
          const centre = layer.placesInView().find((p) => p.place === place)?.at ?? event.latlng;
          // Map zooms are tile zooms + 1: from communityMinZoom + 1 the map draws communities, from GRID_TILE_ZOOM + 1 grids.
          map.setView(centre, Math.min(GRID_TILE_ZOOM, Math.max(fitting, communityMinZoom + 1)));
        },
        zoomstart() {
          // What was under the pointer is not after the zoom; the next move finds what is.
          map.closeTooltip(tooltip);
        },
        zoomend() {
          latest.current.onLevel(levelAt(map.getZoom()));
        },
      };
      layer.on('loading', () => latest.current.onLoading(true, layer));
      layer.on('load', () => latest.current.onLoading(false, layer));
      layer.addTo(map);
      map.on(handlers);
      latest.current.onLevel(levelAt(map.getZoom()));
      return function removeTileLayer() {
        map.off(handlers);
        map.closeTooltip(tooltip);
        layer.remove();
        layerRef.current = null;
      };
    },
    [map, url, communityMinZoom, crs],
  );

  useEffect(
    function repaint() {
      layerRef.current?.setFill((place) => latest.current.fill(place));
    },
    [fill],
  );
  return null;
}
