import { useEffect, useState, type ReactNode } from 'react';
import { stageFor, type WallDesign, type WallFit } from './stage';

function useScreenSize() {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(function followResizes() {
    const resized = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', resized);
    return function stopFollowing() {
      window.removeEventListener('resize', resized);
    };
  }, []);
  return size;
}

/** The design canvas, scaled to the screen by `fit`; its children lay out at the design's size. */
export function WallStage({ fit, children }: { fit: WallFit; children: (design: WallDesign) => ReactNode }) {
  const { design, scale, left, top } = stageFor(useScreenSize(), fit);
  return (
    <div
      className="wall-stage"
      data-testid="wall-stage"
      data-design={design.name}
      data-scale={scale}
      style={{
        width: design.width,
        height: design.height,
        transform: `translate(${left}px, ${top}px) scale(${scale})`,
      }}
    >
      {children(design)}
    </div>
  );
}
