// Vega's modules ship JavaScript only; the `vega` package's types describe what they export.
declare module 'vega-dataflow' {
  export { changeset, transforms } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-encode';
declare module 'vega-transforms';
declare module 'vega-view-transforms';
