/**
 * The part of Vega a live chart runs: the view, the spec parser, and the
 * transforms that Vega-Lite's compiled specs use (data, view layout, scales,
 * axes and legends). The `vega` package registers every transform it has;
 * the geographic, hierarchy, force, label, regression, Voronoi, word-cloud
 * and crossfilter ones, a third of its script, draw none of these charts, so
 * a page that imports Vega from here loads that much less. A spec that asks
 * for one of those fails with Vega's "Unrecognized transform type"; the tests
 * compile every chart of this package and check its transforms are here.
 * Call `registerChartTransforms()` before parsing a spec.
 */
import { changeset, transforms } from 'vega-dataflow';
import * as encodeTransforms from 'vega-encode';
import { parse } from 'vega-parser';
import * as dataTransforms from 'vega-transforms';
import { View } from 'vega-view';
import * as viewTransforms from 'vega-view-transforms';

let registered = false;

/**
 * Adds the charts' transforms to Vega's registry (once). A call, not a
 * statement run on import: the package is free of side effects for bundlers,
 * which would drop such a statement.
 */
export function registerChartTransforms(): void {
  if (registered) return;
  Object.assign(transforms, dataTransforms, viewTransforms, encodeTransforms);
  registered = true;
}

export { changeset, parse, View };
