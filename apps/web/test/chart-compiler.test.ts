// @vitest-environment happy-dom
import type { ChartSpec } from '@epochlab/plot';
import { describe, expect, it } from 'vitest';
import type {
  CompileChartCommand,
  CompileChartMessage,
} from '../src/worker/chart-compile-protocol.js';
import { ChartCompiler } from '../src/worker/chart-compiler.js';

/** A stand-in for the charts' worker: records commands, answers when the test says. */
class FakeWorker extends EventTarget {
  readonly posted: CompileChartCommand[] = [];
  terminated = false;
  postMessage(command: CompileChartCommand): void {
    this.posted.push(command);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: CompileChartMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  crash(reason: string): void {
    this.dispatchEvent(new ErrorEvent('error', { message: reason, cancelable: true }));
  }
}

function fakeCompiler() {
  const workers: FakeWorker[] = [];
  const compiler = new ChartCompiler(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { compiler, workers };
}

const spec = (title: string) => ({ title, mark: 'point' }) as unknown as ChartSpec;
const chart = (name: string) => ({ vega: { description: name }, datasets: [name] });

describe('ChartCompiler', () => {
  it('starts the worker with the first chart and pairs each answer with its request', async () => {
    const { compiler, workers } = fakeCompiler();
    expect(workers).toHaveLength(0);
    const fit = compiler.compile(spec('fit'));
    const loss = compiler.compile(spec('loss'));
    const [worker] = workers;
    expect(workers).toHaveLength(1);
    expect(worker?.posted.map((command) => [command.id, command.spec.title])).toEqual([
      [1, 'fit'],
      [2, 'loss'],
    ]);
    // Answers may come in any order.
    worker?.reply({ type: 'compiled', id: 2, chart: chart('loss') });
    worker?.reply({ type: 'compiled', id: 1, chart: chart('fit') });
    await expect(fit).resolves.toEqual(chart('fit'));
    await expect(loss).resolves.toEqual(chart('loss'));
  });

  it("rejects a chart Vega-Lite refused with the worker's message", async () => {
    const { compiler, workers } = fakeCompiler();
    const refused = compiler.compile(spec('bad'));
    workers[0]?.reply({ type: 'error', id: 1, message: 'Invalid specification' });
    await expect(refused).rejects.toThrow('Invalid specification');
  });

  it('rejects what a failed worker was asked, and starts a fresh worker for the next chart', async () => {
    const { compiler, workers } = fakeCompiler();
    const lost = compiler.compile(spec('fit'));
    workers[0]?.crash('script failed to load');
    await expect(lost).rejects.toThrow("the charts' worker failed: script failed to load");
    expect(workers[0]?.terminated).toBe(true);
    const next = compiler.compile(spec('fit'));
    expect(workers).toHaveLength(2);
    const id = workers[1]?.posted[0]?.id ?? -1;
    workers[1]?.reply({ type: 'compiled', id, chart: chart('fit') });
    await expect(next).resolves.toEqual(chart('fit'));
  });
});
