/** What a well-formed XML document holds, as far as the checks below need. */
export interface XmlOutline {
  /** Name of the root element (`svg`). */
  readonly root: string;
  /** How many elements of each name. */
  readonly counts: ReadonlyMap<string, number>;
  /** The text content of every element, concatenated with spaces, entities decoded. */
  readonly text: string;
}

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
const NAME = '[A-Za-z_][\\w:.-]*';
const TAG = new RegExp(
  `<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`,
  'y',
);

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

/**
 * Checks that `source` is well-formed XML by the specification's basic rules
 * (one root element, every tag closed in order, attributes quoted, no stray
 * `<` or `&`) and returns an outline of it. Throws an Error saying where it is not.
 */
export function parseXmlOutline(source: string): XmlOutline {
  const body = source
    .replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<!DOCTYPE[^>]*>/i, '');
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const texts: string[] = [];
  let root: string | undefined;
  let at = 0;
  while (at < body.length) {
    const next = body.indexOf('<', at);
    const text = body.slice(at, next === -1 ? body.length : next);
    if (ENTITY.test(text)) throw new Error(`unescaped & in text near offset ${at}`);
    if (text.trim() !== '') {
      if (stack.length === 0) throw new Error(`text outside the root element at offset ${at}`);
      texts.push(decode(text.trim()));
    }
    if (next === -1) break;
    TAG.lastIndex = next;
    const match = TAG.exec(body);
    if (!match) throw new Error(`malformed tag at offset ${next}: ${body.slice(next, next + 40)}`);
    const [whole, closing, name = '', attributes = '', selfClosing] = match;
    if (ENTITY.test(attributes)) throw new Error(`unescaped & in attributes of <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) {
        if (root !== undefined) throw new Error(`a second root element <${name}>`);
        root = name;
      }
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (!selfClosing) stack.push(name);
    }
    at = next + whole.length;
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return { root, counts, text: texts.join(' ') };
}
