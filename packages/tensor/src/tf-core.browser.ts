/**
 * tfjs-core for bundlers and browsers (`#tf-core` outside Node): its ES modules,
 * which bundlers tree-shake. Node gets the CommonJS build instead
 * (dist/tf-core.node.js, written by scripts/write-node-tf-core.mjs).
 */
export * from '@tensorflow/tfjs-core';
