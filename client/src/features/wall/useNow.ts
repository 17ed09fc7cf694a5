import { useEffect, useState } from 'react';

/** The current time, updated every second, for the wall's clock. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(function tick() {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return function stopTicking() {
      clearInterval(timer);
    };
  }, []);
  return now;
}
