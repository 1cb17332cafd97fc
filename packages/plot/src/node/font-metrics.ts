/**
 * Advance widths read from a TrueType/OpenType font file (`head`, `hhea`,
 * `hmtx` and `cmap` tables, cmap formats 4 and 12). Enough to measure a line of
 * text the way a renderer lays it out, without kerning.
 */
export interface FontMetrics {
  readonly unitsPerEm: number;
  /** Width in pixels of `text` set at `fontSize` pixels. */
  width(text: string, fontSize: number): number;
}

/** Reads the metrics of a TTF/OTF file; throws when a table it needs is missing. */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const head = requiredTable(tables, 'head');
  const hhea = requiredTable(tables, 'hhea');
  const hmtx = requiredTable(tables, 'hmtx');
  const cmap = requiredTable(tables, 'cmap');

  const unitsPerEm = view.getUint16(head + 18);
  const metricCount = view.getUint16(hhea + 34);
  const advanceOfGlyph = (glyph: number) =>
    view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphOf = characterMap(view, cmap);
  const cache = new Map<number, number>();
  const advance = (codePoint: number): number => {
    let units = cache.get(codePoint);
    if (units === undefined) {
      units = advanceOfGlyph(glyphOf(codePoint));
      cache.set(codePoint, units);
    }
    return units;
  };

  return {
    unitsPerEm,
    width(text, fontSize) {
      let units = 0;
      for (const character of text) units += advance(character.codePointAt(0) as number);
      return (units * fontSize) / unitsPerEm;
    },
  };
}

function tableOffsets(view: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    let tag = '';
    for (let j = 0; j < 4; j++) tag += String.fromCharCode(view.getUint8(record + j));
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

function requiredTable(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no '${tag}' table`);
  return offset;
}

/** Code point to glyph index, from the best Unicode subtable (format 12, else 4). */
function characterMap(view: DataView, cmap: number): (codePoint: number) => number {
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    subtables.push({
      platform: view.getUint16(record),
      encoding: view.getUint16(record + 2),
      offset: cmap + view.getUint32(record + 4),
    });
  }
  const unicode = subtables.filter(
    (s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)),
  );
  const format12 = unicode.find((s) => view.getUint16(s.offset) === 12);
  if (format12) return format12Lookup(view, format12.offset);
  const format4 = unicode.find((s) => view.getUint16(s.offset) === 4);
  if (format4) return format4Lookup(view, format4.offset);
  throw new Error('font has no Unicode cmap subtable of format 4 or 12');
}

function format12Lookup(view: DataView, table: number): (codePoint: number) => number {
  const groups = view.getUint32(table + 12);
  return (codePoint) => {
    for (let i = 0; i < groups; i++) {
      const group = table + 16 + 12 * i;
      const start = view.getUint32(group);
      if (codePoint >= start && codePoint <= view.getUint32(group + 4)) {
        return view.getUint32(group + 8) + codePoint - start;
      }
    }
    return 0;
  };
}

function format4Lookup(view: DataView, table: number): (codePoint: number) => number {
  const segments = view.getUint16(table + 6) / 2;
  const endCodes = table + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const idDeltas = startCodes + 2 * segments;
  const idRangeOffsets = idDeltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > view.getUint16(endCodes + 2 * i)) continue;
      const start = view.getUint16(startCodes + 2 * i);
      if (codePoint < start) return 0;
      const delta = view.getInt16(idDeltas + 2 * i);
      const rangeOffsetAt = idRangeOffsets + 2 * i;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
