/**
 * One measurement in a fresh process, so that each reports its own peak RSS
 * and JIT state, as each `torch_anchor.py` run does:
 * `node dist/workload-process.js WORKLOAD BACKEND auto|generic` prints one JSON line.
 */
// First: relaxed SIMD on (Node 20) before anything compiles WebAssembly.
import '@epochlab/train/enable-relaxed-simd';
import { measureWorkload } from './measure-workload.js';
import { WORKLOAD_IDS, type WorkloadId } from './workloads.js';

const [workload = '', backend = 'cpu', path = 'auto'] = process.argv.slice(2);
if (!(WORKLOAD_IDS as readonly string[]).includes(workload)) {
  throw new Error(`unknown workload '${workload}'; one of ${WORKLOAD_IDS.join(', ')}`);
}
if (path !== 'auto' && path !== 'generic') throw new Error(`unknown path '${path}'`);
const measurement = await measureWorkload(workload as WorkloadId, backend, path);
process.stdout.write(`${JSON.stringify(measurement)}\n`);
