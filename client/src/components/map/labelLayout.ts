/** A label to place: its name, the screen point it names, and how much room its place has. */
export interface LabelCandidate {
  code: string;
  name: string;
  x: number;
  y: number;
  /** The place's width on screen, in pixels: a label much wider than its place is left out. */
  width: number;
  /** Larger first: the bigger place keeps its label when two collide. */
  priority: number;
  /** Pixels right of its point to set the label, beside a marker there; none: on the point. */
  beside?: number;
}

/** One label box on screen: one name, or several stacked when their places lie close together. */
export interface LabelBox {
  names: { code: string; name: string }[];
  left: number;
  top: number;
  width: number;
  height: number;
}

export const LINE_HEIGHT = 16;
const GAP = 2;
/** No label is narrower (two characters and the halo): a place narrower than this by far is not measured for one. */
const NARROWEST_LABEL = 30;

const overlap = (a: LabelBox, b: LabelBox) =>
  a.left < b.left + b.width + GAP &&
  b.left < a.left + a.width + GAP &&
  a.top < b.top + b.height + GAP &&
  b.top < a.top + a.height + GAP;

function boxOf(names: LabelCandidate[], measure: (text: string) => number): LabelBox {
  const x = names.reduce((sum, n) => sum + n.x, 0) / names.length;
  const y = names.reduce((sum, n) => sum + n.y, 0) / names.length;
  const width = Math.max(...names.map((n) => measure(n.name)));
  const height = names.length * LINE_HEIGHT;
  // Beside the markers: right of the rightmost of them, so that none is covered.
  const left = names.some((n) => n.beside) ? Math.max(...names.map((n) => n.x + (n.beside ?? 0))) : x - width / 2;
  return { names: names.map(({ code, name }) => ({ code, name })), left, top: y - height / 2, width, height };
}

/**
 * Labels that do not overlap. `group`: every name stays, and places whose labels would
 * collide share one box with their names stacked (communities of one city on a map of four).
 * Otherwise the larger place keeps its label and the smaller one's is left out, as is a
 * label much wider than its place (grids at a zoom where their names do not fit).
 */
export function layoutLabels(
  candidates: readonly LabelCandidate[],
  measure: (text: string) => number,
  group: boolean,
): LabelBox[] {
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority);
  if (!group) {
    const placed: LabelBox[] = [];
    for (const candidate of ordered) {
      if (candidate.width * 1.5 < NARROWEST_LABEL) continue;
      const box = boxOf([candidate], measure);
      if (box.width > candidate.width * 1.5) continue;
      if (placed.every((other) => !overlap(box, other))) placed.push(box);
    }
    return placed;
  }
  let groups = ordered.map((c) => [c]);
  for (let merged = true; merged;) {
    merged = false;
    const boxes = groups.map((g) => boxOf(g, measure));
    outer: for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++)
        if (overlap(boxes[i], boxes[j])) {
          groups = [...groups.filter((_, k) => k !== i && k !== j), [...groups[i], ...groups[j]]];
          merged = true;
          break outer;
        }
  }
  return groups.map((g) => boxOf(g, measure));
}
