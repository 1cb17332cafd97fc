/**
 * The entry of a Node worker thread that runs parts of a fused kernel's
 * passes (see `NODE_PASS_THREAD_HOST`): `runPassThread` on the data the
 * caller started it with.
 */
import { workerData } from 'node:worker_threads';
import type { PassThreadData } from '../fused/threads/pass-thread-host.js';
import { runPassThread } from '../fused/threads/run-pass-thread.js';

runPassThread(workerData as PassThreadData);
