/** Where the rotation is: which item (community or grid) and which metric. */
export interface RotationState {
  item: number;
  metric: number;
  loops: number;
}

export interface RotationOptions {
  items: number;
  metrics: number;
  intervalMs: number;
  /** Passes through all items after which `onReload` is called; 0 never. */
  reloadEvery: number;
  onTick(state: RotationState): void;
  onReload(): void;
  /**
   * Whether what is on screen has its data. Until it has, the rotation waits: a server
   * slower than the interval would otherwise see every request given up before its answer
   * came, and the wall would show nothing at all.
   */
  shown?(): boolean;
}

/** The next state: the next item; after the last item, the next metric. */
export function advance(state: RotationState, items: number, metrics: number): RotationState {
  if (items < 1 || metrics < 1) throw new RangeError('A rotation needs at least one item and one metric');
  const item = (state.item + 1) % items;
  if (item !== 0) return { ...state, item };
  return { item: 0, metric: (state.metric + 1) % metrics, loops: state.loops + 1 };
}

/**
 * The wall's rotation, one small service like Grafana's playlist: one timer, no state
 * but the position, and a full reload every so many loops to keep a weeks-long
 * session's memory flat.
 */
export class RotationService {
  private state: RotationState = { item: 0, metric: 0, loops: 0 };
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: RotationOptions) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    if (this.options.shown && !this.options.shown()) return;
    this.state = advance(this.state, this.options.items, this.options.metrics);
    this.options.onTick(this.state);
    if (
      this.options.reloadEvery > 0 &&
      this.state.item === 0 &&
      this.state.loops > 0 &&
      this.state.loops % this.options.reloadEvery === 0
    )
      this.options.onReload();
  }
}
