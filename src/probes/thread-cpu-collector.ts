/**
 * The off-main-thread CPU trace (thread-cpu.ts) as an iteration collector of the runner: one trace per iteration,
 * a marker at each step's start and end, the figures of every step when the iteration ends.
 */
import type { ThreadCpuTracer } from './thread-cpu.js';

/** The sample fields the off-main-thread CPU trace fills. */
export const THREAD_CPU_FIELDS = ['rendererOtherCpuMs', 'gpuCpuMs', 'utilityCpuMs'] as const;

/** An iteration collector over a {@link ThreadCpuTracer}. */
export class ThreadCpuCollector {
  readonly name = 'thread-cpu';
  readonly fields = THREAD_CPU_FIELDS;
  private readonly marked = new Set<number>();

  constructor(private readonly tracer: ThreadCpuTracer) {}

  async begin(): Promise<void> {
    this.marked.clear();
    await this.tracer.begin();
  }

  async mark(index: number, edge: 'start' | 'end'): Promise<void> {
    await this.tracer.mark(`ecoscore-${edge}-${index}`);
    if (edge === 'end') this.marked.add(index);
  }

  async end(): Promise<Map<number, Record<string, number> | null>> {
    const indexes = [...this.marked];
    const figures = await this.tracer.end(indexes.map((index) => [`ecoscore-start-${index}`, `ecoscore-end-${index}`]));
    return new Map(indexes.map((index, i) => [index, figures[i] ? { ...figures[i] } : null]));
  }
}

/** A collector that cannot measure: every step gets its fields null with `reason`. */
export class UnavailableCollector {
  constructor(
    readonly name: string,
    readonly fields: ReadonlyArray<string>,
    private readonly reason: string,
  ) {}

  async begin(): Promise<void> {
    throw new Error(this.reason);
  }

  async mark(): Promise<void> {}

  async end(): Promise<Map<number, Record<string, number> | null>> {
    throw new Error(this.reason);
  }
}
