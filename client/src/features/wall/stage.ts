/**
 * The wall is laid out on a fixed design canvas and scaled to the screen, as big-screen
 * (大屏) tools do: 1920×1080 for 16:9, wider canvases for 21:9 and 32:9 panels. `contain`
 * shows all of it letterboxed, `cover` fills the screen and crops the overflow, `none` draws
 * it at its design size.
 */
export const WALL_DESIGNS = [
  { name: 'wide', width: 1920, height: 1080 },
  { name: 'ultrawide', width: 2560, height: 1080 },
  { name: 'superwide', width: 3840, height: 1080 },
] as const;

export type WallDesign = (typeof WALL_DESIGNS)[number];
export const WALL_FITS = ['contain', 'cover', 'none'] as const;
export type WallFit = (typeof WALL_FITS)[number];

export interface Stage {
  design: WallDesign;
  scale: number;
  /** Where the canvas's top left corner sits on the screen, in CSS pixels. */
  left: number;
  top: number;
}

/** The design whose shape is nearest the screen's, scaled and centred by `fit`. */
export function stageFor(screen: { width: number; height: number }, fit: WallFit): Stage {
  const shape = Math.log(screen.width / screen.height);
  const design = WALL_DESIGNS.reduce((best, d) =>
    Math.abs(Math.log(d.width / d.height) - shape) < Math.abs(Math.log(best.width / best.height) - shape) ? d : best,
  );
  const across = screen.width / design.width;
  const down = screen.height / design.height;
  const scale = fit === 'none' ? 1 : fit === 'cover' ? Math.max(across, down) : Math.min(across, down);
  return {
    design,
    scale,
    left: (screen.width - design.width * scale) / 2,
    top: (screen.height - design.height * scale) / 2,
  };
}
