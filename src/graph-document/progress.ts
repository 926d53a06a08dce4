/**
 * Progress of long work on stderr: records done of the total, the rate, and
 * an estimate of the time left, at most once a second (and once at the end),
 * so a 2-million-record import is neither silent nor noisy.
 */
export type ProgressWriter = (line: string) => void;

export class Progress {
  private done = 0;
  private readonly started = performance.now();
  private lastReport = this.started;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly write: ProgressWriter,
    private readonly intervalMs = 1_000,
  ) {}

  add(count: number, stage: string): void {
    this.done += count;
    const now = performance.now();
    if (now - this.lastReport >= this.intervalMs) {
      this.lastReport = now;
      this.write(this.line(stage, now));
    }
  }

  finish(): void {
    this.write(this.line("done", performance.now()));
  }

  private line(stage: string, now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const percent = this.total > 0 ? ` (${((100 * this.done) / this.total).toFixed(1)}%)` : "";
    const left = rate > 0 && this.total > this.done ? ` · ETA ${formatDuration((this.total - this.done) / rate)}` : "";
    return `${this.label}: ${this.done.toLocaleString("en-US")} / ${this.total.toLocaleString("en-US")} records${percent} · ${Math.round(rate).toLocaleString("en-US")} records/s${left} · ${stage}`;
  }
}

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
}
