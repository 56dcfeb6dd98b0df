/**
 * log10 in float32 as glibc's `log10f` computes it (sysdeps/ieee754/flt-32/e_log10f.c, from fdlibm), which
 * is what lmplz calls (lm/builder/interpolate.cc). It is not correctly rounded: on KenLM's own lmplz output
 * (lm/common/test_data/toy0.arpa) it is one ulp off `Math.log10` for 5 of 19 values, and matching it makes
 * our ARPA digits equal to lmplz's. The exponent is split off exactly; the mantissa's natural log (glibc's
 * logf is correctly rounded in practice) is scaled by float32 constants, in float32 steps.
 */
const f = Math.fround;
const IVLN10 = f(4.3429449201e-1);
const LOG10_2HI = f(3.0102920532e-1);
const LOG10_2LO = f(7.9034151668e-7);
const TWO25 = 33554432;

const fbuf = new Float32Array(1);
const ibuf = new Int32Array(fbuf.buffer);

/** log10 of the float32 `x` (x > 0), rounded to float32 the way fdlibm's log10f rounds it. */
export function log10f(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  fbuf[0] = x;
  let hx = ibuf[0]!;
  let k = 0;
  if (hx < 0x00800000) {
    // Subnormal: scale into the normal range first.
    fbuf[0] = f(x * TWO25);
    hx = ibuf[0]!;
    k = -25;
  }
  if (hx >= 0x7f800000) return x;
  k += (hx >> 23) - 127;
  const i = k < 0 ? 1 : 0;
  ibuf[0] = (hx & 0x007fffff) | ((0x7f - i) << 23);
  const mantissa = fbuf[0]!;
  const y = f(k + i);
  const z = f(f(y * LOG10_2LO) + f(IVLN10 * f(Math.log(mantissa))));
  return f(z + f(y * LOG10_2HI));
}
