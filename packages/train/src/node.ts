/**
 * @epochlab/train in Node (the package's `node` export condition): the
 * package itself, with Node's worker threads installed as the fused kernel's
 * pass threads, so that `trainModel`'s `fusedThreads: 'auto'` splits large
 * float32 steps over the spare cores. Browsers load `index.js`, which starts
 * no thread.
 */
import { setPassThreadHost } from './fused/threads/pass-thread-host.js';
import { NODE_PASS_THREAD_HOST } from './node/node-pass-thread-host.js';

setPassThreadHost(NODE_PASS_THREAD_HOST);

export * from './index.js';
