/**
 * What a graphics renderer string says about the hardware: a real GPU, or a
 * renderer that draws on the CPU (so WebGL or WebGPU cannot beat wasm there).
 */
export type RendererKind =
  | { readonly kind: 'gpu' }
  | { readonly kind: 'software'; readonly name: string }
  | { readonly kind: 'unknown' };

/** Software renderers browsers fall back to without a usable GPU, by the name they report. */
const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver/i, 'Microsoft Basic Render Driver'],
  [/\bsoftware\b/i, 'a software renderer'],
];

/**
 * Classifies a renderer string (WebGL's `UNMASKED_RENDERER_WEBGL`, or a
 * WebGPU adapter's vendor, architecture and description joined): one naming
 * a known software renderer is `software`, an empty one `unknown`, anything
 * else (`ANGLE (NVIDIA, ...)`, `Apple M2`) a `gpu`.
 */
export function classifyRenderer(renderer: string): RendererKind {
  if (renderer.trim() === '') return { kind: 'unknown' };
  for (const [pattern, name] of SOFTWARE_RENDERERS) {
    if (pattern.test(renderer)) return { kind: 'software', name };
  }
  return { kind: 'gpu' };
}

/** What the page found out about the browser's graphics, before timing anything. */
export interface GpuReport {
  /** WebGL's renderer string and its kind, or null without WebGL. */
  readonly webgl: { readonly renderer: string; readonly kind: RendererKind } | null;
  /** The WebGPU adapter's description and kind (a fallback adapter is software), or null without one. */
  readonly webgpu: { readonly adapter: string; readonly kind: RendererKind } | null;
}

/** Whether any backend of the report runs on a real GPU. */
export function hasGpu(report: GpuReport): boolean {
  return report.webgl?.kind.kind === 'gpu' || report.webgpu?.kind.kind === 'gpu';
}

/** Reads WebGL's unmasked renderer and WebGPU's adapter info; never throws. */
export async function detectGpu(): Promise<GpuReport> {
  return { webgl: webglRenderer(), webgpu: await webgpuAdapter() };
}

function webglRenderer(): GpuReport['webgl'] {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ??
      canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl === null) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, kind: classifyRenderer(renderer) };
  } catch {
    return null;
  }
}

interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: {
    readonly vendor?: string;
    readonly architecture?: string;
    readonly description?: string;
    readonly isFallbackAdapter?: boolean;
  };
}

async function webgpuAdapter(): Promise<GpuReport['webgpu']> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = (await gpu.requestAdapter()) as AdapterLike | null;
    if (adapter === null) return null;
    const info = adapter.info ?? {};
    const text = [info.vendor, info.architecture, info.description]
      .filter((part) => part !== undefined && part !== '')
      .join(' ');
    const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const kind = classifyRenderer(text);
    return {
      adapter: text,
      kind:
        fallback && kind.kind !== 'software'
          ? { kind: 'software', name: 'a fallback adapter' }
          : kind,
    };
  } catch {
    return null;
  }
}
