import { useEffect, useRef, useState } from 'react';

export const COUNT_UP_MS = 1200;

/** Where a number counting from `from` to `to` stands at `t` (0 to 1) of the way: fast, then settling. */
export function countUpAt(from: number, to: number, t: number): number {
  const eased = 1 - (1 - Math.min(1, Math.max(0, t))) ** 3;
  return from + (to - from) * eased;
}

/** A value that counts up (or down) to each new value over COUNT_UP_MS, frame by frame, as big screens do. */
export function useCountUp(value: number | null, durationMs = COUNT_UP_MS): number | null {
  const [frame, setFrame] = useState<{ to: number | null; shown: number | null }>({ to: value, shown: value });
  const last = useRef(value);
  useEffect(
    function countUp() {
      const from = last.current;
      last.current = value;
      if (from === null || value === null || from === value) return;
      const started = performance.now();
      let id = 0;
      const step = (now: number) => {
        const t = (now - started) / durationMs;
        setFrame({ to: value, shown: countUpAt(from, value, t) });
        if (t < 1) id = requestAnimationFrame(step);
      };
      id = requestAnimationFrame(step);
      return function stopCounting() {
        cancelAnimationFrame(id);
      };
    },
    [value, durationMs],
  );
  return frame.to === value ? frame.shown : value;
}
