;; MinHash signatures with WebAssembly SIMD: four permutations per i32x4 lane group, 16 per pass over
;; the shingles. signature(a, b, out, k, h, n): for p < k (k a multiple of 16),
;;   out[p] = min over i < n of (a[p] * h[i] + b[p]) mod 2^32, unsigned; 0xffffffff when n = 0.
;; a, b, out and h are byte offsets of u32 arrays in the exported memory, 16-byte aligned.
;; Compiled to minhash-simd-bytes.ts by `node dist/dedup/wasm/build.js` (wabt); a test checks they agree.
(module
  (memory (export "memory") 1)
  (func (export "signature")
    (param $a i32) (param $b i32) (param $out i32) (param $k i32) (param $h i32) (param $n i32)
    (local $p i32) (local $i i32) (local $end i32) (local $x v128)
    (local $a0 v128) (local $b0 v128) (local $m0 v128)
    (local $a1 v128) (local $b1 v128) (local $m1 v128)
    (local $a2 v128) (local $b2 v128) (local $m2 v128)
    (local $a3 v128) (local $b3 v128) (local $m3 v128)
    (local.set $end (i32.add (local.get $h) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $perms
        (br_if $done (i32.ge_u (local.get $p) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $a0 (v128.load offset=0 (i32.add (local.get $a) (local.get $p))))
        (local.set $b0 (v128.load offset=0 (i32.add (local.get $b) (local.get $p))))
        (local.set $m0 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $a1 (v128.load offset=16 (i32.add (local.get $a) (local.get $p))))
        (local.set $b1 (v128.load offset=16 (i32.add (local.get $b) (local.get $p))))
        (local.set $m1 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $a2 (v128.load offset=32 (i32.add (local.get $a) (local.get $p))))
        (local.set $b2 (v128.load offset=32 (i32.add (local.get $b) (local.get $p))))
        (local.set $m2 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $a3 (v128.load offset=48 (i32.add (local.get $a) (local.get $p))))
        (local.set $b3 (v128.load offset=48 (i32.add (local.get $b) (local.get $p))))
        (local.set $m3 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $i (local.get $h))
        (block $shingles_done
          (loop $shingles
            (br_if $shingles_done (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $x (v128.load32_splat (local.get $i)))
            (local.set $m0 (i32x4.min_u (local.get $m0)
              (i32x4.add (i32x4.mul (local.get $a0) (local.get $x)) (local.get $b0))))
            (local.set $m1 (i32x4.min_u (local.get $m1)
              (i32x4.add (i32x4.mul (local.get $a1) (local.get $x)) (local.get $b1))))
            (local.set $m2 (i32x4.min_u (local.get $m2)
              (i32x4.add (i32x4.mul (local.get $a2) (local.get $x)) (local.get $b2))))
            (local.set $m3 (i32x4.min_u (local.get $m3)
              (i32x4.add (i32x4.mul (local.get $a3) (local.get $x)) (local.get $b3))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $shingles)))
        (v128.store offset=0 (i32.add (local.get $out) (local.get $p)) (local.get $m0))
        (v128.store offset=16 (i32.add (local.get $out) (local.get $p)) (local.get $m1))
        (v128.store offset=32 (i32.add (local.get $out) (local.get $p)) (local.get $m2))
        (v128.store offset=48 (i32.add (local.get $out) (local.get $p)) (local.get $m3))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $perms)))))
