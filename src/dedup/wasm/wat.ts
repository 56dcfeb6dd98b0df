/** The one adapter of `wabt` (a dev dependency): WebAssembly text → binary, for build.ts and its test. */
import wabtInit from 'wabt';

/** Compiles WebAssembly text (SIMD enabled) to the module's bytes; `name` labels parse errors. */
export async function compileWat(name: string, source: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat(name, source, { simd: true });
  try {
    mod.validate();
    return Uint8Array.from(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}
