import { describe, expect, it } from 'vitest';
import { layoutLabels, type LabelBox } from './labelLayout';

const measure = (text: string) => text.length * 12;
const place = (code: string, x: number, y: number, width = 200, priority = 1) => ({
  code,
  name: `${code}社区`,
  x,
  y,
  width,
  priority,
});
const overlapping = (boxes: LabelBox[]) =>
  boxes.some((a, i) =>
    boxes.some(
      (b, j) =>
        i !== j &&
        a.left < b.left + b.width &&
        b.left < a.left + a.width &&
        a.top < b.top + b.height &&
        b.top < a.top + a.height,
    ),
  );

describe('map labels', () => {
  it('stacks the names of places that lie close together, keeping every name, none overlapping', () => {
    const boxes = layoutLabels(
      [place('康乐', 100, 100), place('陇海路', 104, 102), place('共和路', 600, 300)],
      measure,
      true,
    );
    expect(boxes.flatMap((b) => b.names.map((n) => n.code)).sort()).toEqual(['共和路', '康乐', '陇海路'].sort());
    expect(boxes).toHaveLength(2);
    expect(boxes.find((b) => b.names.length === 2)!.height).toBe(32);
    expect(overlapping(boxes)).toBe(false);
  });

  it('keeps the larger place’s label where two collide, and leaves out one that does not fit its place', () => {
    const boxes = layoutLabels(
      [place('a', 100, 100, 200, 1), place('b', 110, 104, 200, 5), place('c', 400, 100, 10, 9)],
      measure,
      false,
    );
    expect(boxes.map((b) => b.names[0].code)).toEqual(['b']);
  });
});
