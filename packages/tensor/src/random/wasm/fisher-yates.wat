;; SeededRandom.permutation in WebAssembly: the same Fisher–Yates shuffle, on
;; the same xoroshiro128+ draws and the same unbiased integers as the
;; JavaScript in `fisher-yates.ts` (pure-rand's `xoroshiro128plus` and
;; `uniformInt`), so both give the same order bit for bit. It runs at native
;; speed from its first call, where JavaScript's first epochs of a big
;; dataset run in the interpreter.
;;
;; Memory: bytes 0-15 hold the generator's state (s01, s00, s11, s10, as
;; pure-rand's `getState()` lists them), read before and written back after;
;; the order is written from byte 16 on (`n` int32s). The caller grows the
;; memory to fit.
(module
  (memory (export "memory") 1)

  ;; Writes 0..n-1 in a random order at byte 16: for i = n-1 down to 1, j is
  ;; drawn in [0, i] and order[i] and order[j] are swapped.
  (func (export "permute") (param $n i32)
    (local $s01 i32) (local $s00 i32) (local $s11 i32) (local $s10 i32)
    (local $old00 i32) (local $old01 i32) (local $a0 i32) (local $a1 i32)
    (local $i i32) (local $j i32) (local $held i32)
    (local $range i64) (local $accepted i64) (local $delta i64)
    (local.set $s01 (i32.load (i32.const 0)))
    (local.set $s00 (i32.load (i32.const 4)))
    (local.set $s11 (i32.load (i32.const 8)))
    (local.set $s10 (i32.load (i32.const 12)))

    ;; order[i] = i
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store offset=16 (i32.shl (local.get $i) (i32.const 2)) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))

    (local.set $i (i32.sub (local.get $n) (i32.const 1)))
    (block $shuffled
      (loop $shuffle
        (br_if $shuffled (i32.le_s (local.get $i) (i32.const 0)))
        ;; uniformInt(rng, 0, i): draws below the largest multiple of the
        ;; range under 2^32 (all of them for a range of 2) are accepted.
        (local.set $range (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))
        (local.set $accepted
          (if (result i64) (i64.gt_u (local.get $range) (i64.const 2))
            (then (i64.mul (i64.div_u (i64.const 4294967296) (local.get $range)) (local.get $range)))
            (else (i64.const 4294967296))))
        (loop $draw
          ;; xoroshiro128+'s next(): out = s00 + s10, then the state steps.
          ;; delta = out + 2^31, as an unsigned 32-bit number.
          (local.set $delta
            (i64.extend_i32_u
              (i32.xor (i32.add (local.get $s00) (local.get $s10)) (i32.const 0x80000000))))
          (local.set $a0 (i32.xor (local.get $s10) (local.get $s00)))
          (local.set $a1 (i32.xor (local.get $s11) (local.get $s01)))
          (local.set $old00 (local.get $s00))
          (local.set $old01 (local.get $s01))
          (local.set $s00
            (i32.xor
              (i32.xor (i32.shl (local.get $old00) (i32.const 24)) (i32.shr_u (local.get $old01) (i32.const 8)))
              (i32.xor (local.get $a0) (i32.shl (local.get $a0) (i32.const 16)))))
          (local.set $s01
            (i32.xor
              (i32.xor (i32.shl (local.get $old01) (i32.const 24)) (i32.shr_u (local.get $old00) (i32.const 8)))
              (i32.xor
                (local.get $a1)
                (i32.or (i32.shl (local.get $a1) (i32.const 16)) (i32.shr_u (local.get $a0) (i32.const 16))))))
          (local.set $s10
            (i32.xor (i32.shl (local.get $a1) (i32.const 5)) (i32.shr_u (local.get $a0) (i32.const 27))))
          (local.set $s11
            (i32.xor (i32.shl (local.get $a0) (i32.const 5)) (i32.shr_u (local.get $a1) (i32.const 27))))
          (br_if $draw (i64.ge_u (local.get $delta) (local.get $accepted))))
        (local.set $j (i32.wrap_i64 (i64.rem_u (local.get $delta) (local.get $range))))
        ;; swap order[i] and order[j]
        (local.set $held (i32.load offset=16 (i32.shl (local.get $i) (i32.const 2))))
        (i32.store offset=16
          (i32.shl (local.get $i) (i32.const 2))
          (i32.load offset=16 (i32.shl (local.get $j) (i32.const 2))))
        (i32.store offset=16 (i32.shl (local.get $j) (i32.const 2)) (local.get $held))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $shuffle)))

    (i32.store (i32.const 0) (local.get $s01))
    (i32.store (i32.const 4) (local.get $s00))
    (i32.store (i32.const 8) (local.get $s11))
    (i32.store (i32.const 12) (local.get $s10)))
)
