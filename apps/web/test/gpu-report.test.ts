import { describe, expect, it } from 'vitest';
import { classifyRenderer, type GpuReport, hasGpu } from '../src/hardware/gpu-report.js';
import { HARDWARE_MESSAGES } from '../src/hardware/hardware-messages.js';

describe('classifyRenderer', () => {
  it('names the software renderers browsers fall back to', () => {
    expect(classifyRenderer('Google SwiftShader')).toEqual({
      kind: 'software',
      name: 'SwiftShader',
    });
    expect(
      classifyRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toEqual({ kind: 'software', name: 'SwiftShader' });
    expect(classifyRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toEqual({
      kind: 'software',
      name: 'llvmpipe',
    });
    expect(classifyRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)')).toEqual(
      {
        kind: 'software',
        name: 'Microsoft Basic Render Driver',
      },
    );
    // A WebGPU adapter's vendor, architecture and description, joined.
    expect(classifyRenderer('google swiftshader')).toEqual({
      kind: 'software',
      name: 'SwiftShader',
    });
  });

  it('takes any other renderer for a GPU, and an empty one for unknown', () => {
    expect(
      classifyRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)'),
    ).toEqual({ kind: 'gpu' });
    expect(classifyRenderer('Apple M2')).toEqual({ kind: 'gpu' });
    expect(classifyRenderer('Mesa Intel(R) UHD Graphics 620 (KBL GT2)')).toEqual({ kind: 'gpu' });
    expect(classifyRenderer('  ')).toEqual({ kind: 'unknown' });
  });
});

describe('the sentence about the hardware', () => {
  const swiftShader: GpuReport = {
    webgl: { renderer: 'Google SwiftShader', kind: classifyRenderer('Google SwiftShader') },
    webgpu: null,
  };
  const nvidia: GpuReport = {
    webgl: { renderer: 'ANGLE (NVIDIA GeForce)', kind: classifyRenderer('ANGLE (NVIDIA GeForce)') },
    webgpu: { adapter: 'nvidia ampere', kind: classifyRenderer('nvidia ampere') },
  };

  it('says plainly that there is no GPU when WebGL draws in software, in both languages', () => {
    expect(hasGpu(swiftShader)).toBe(false);
    expect(HARDWARE_MESSAGES.en.hardware(swiftShader)).toBe(
      'No GPU here: WebGL runs on the CPU through SwiftShader, so it cannot win. This browser offers no WebGPU adapter.',
    );
    expect(HARDWARE_MESSAGES.es.hardware(swiftShader)).toBe(
      'Aquí no hay GPU: WebGL se ejecuta en la CPU mediante SwiftShader, así que no puede ganar. Este navegador no ofrece ningún adaptador WebGPU.',
    );
    const fallback: GpuReport = {
      ...swiftShader,
      webgpu: { adapter: 'google swiftshader', kind: classifyRenderer('google swiftshader') },
    };
    expect(HARDWARE_MESSAGES.en.hardware(fallback)).toBe(
      "No GPU here: WebGL runs on the CPU through SwiftShader, so it cannot win. WebGPU's adapter is SwiftShader, on the CPU too.",
    );
  });

  it('names the GPU when there is one', () => {
    expect(hasGpu(nvidia)).toBe(true);
    expect(HARDWARE_MESSAGES.en.hardware(nvidia)).toBe(
      'GPU: ANGLE (NVIDIA GeForce) (WebGL). WebGPU adapter: nvidia ampere.',
    );
  });
});
