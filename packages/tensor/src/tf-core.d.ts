/**
 * The types behind `#tf-core` (package.json `imports`): tfjs-core's, whichever
 * build the condition picks (its CommonJS build through `require` in Node, its
 * ES modules for bundlers).
 */
export * from '@tensorflow/tfjs-core';
