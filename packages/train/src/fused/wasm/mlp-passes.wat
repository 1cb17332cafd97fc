;; A dense MLP's forward and backward pass (see ../fused-mlp-kernel.ts and
;; ../javascript-workspace.ts): float32 arrays at byte addresses of the exported
;; memory, kernels [fanIn, fanOut] row-major. Two precisions, chosen per call:
;;
;; - exact (0): computes ../javascript-workspace.ts bit for bit. Every
;;   matrix-product element is one sum in double precision, in the same order
;;   as the JavaScript functions of ../dense-layer-ops.ts add; SIMD lanes hold
;;   different elements' sums, never parts of one sum, so the order of each sum
;;   does not change. A float32 result is rounded once (f32.demote, or a float32
;;   operation on float32 values), as storing a JavaScript number into a
;;   Float32Array rounds.
;; - float32 (1): the matrix products in float32 ($gemm below: f32x4
;;   multiply then add, never a fused multiply-add, register-blocked 4 x 8
;;   micro-kernel, the inner dimension in blocks of 256). Each element's sum
;;   runs in a fixed order that depends only on the layer's sizes, not on the
;;   batch, the row's place in it or the machine, so the bits are the same run
;;   to run and in every engine; they differ from exact's by float32 rounding.
;;   Activations and the bias gradient are exact's.
;;
;; The FMA variant: the build assembles this file a second time with each
;; float32 product's multiply-add (written (f32x4.add acc (f32x4.mul x y)),
;; its line ending in the comment "madd") as (f32x4.relaxed_madd x y acc),
;; relaxed SIMD (scripts/compile-wat.mjs, `fmaVariant`). The order of every sum stays
;; the same; where the CPU fuses, each multiply-add rounds once, so the bits
;; are the same run to run on one machine but not across machines. Nothing
;; else changes: exact has no marked line.
;;
;; The network is described by a table of layers, 10 i32 words (40 bytes) each:
;;   0 fanIn, 1 fanOut, 2 input, 3 kernel, 4 bias, 5 preActivations,
;;   6 activations (= preActivations for the last layer), 7 deltas,
;;   8 kernel gradient, 9 bias gradient.
;; Activations, by the index WASM_ACTIVATION_CODES (../wasm-workspace.ts) gives:
;;   0 leakyRelu (slope 0.01), 1 relu, 2 tanh, 3 sigmoid, 4 linear, the bit-identical
;;   mirror of those entries of @epochlab/models' ACTIVATIONS (src/activations/).
(module
  (import "math" "tanh" (func $tanh (param f64) (result f64)))
  (import "math" "exp" (func $exp (param f64) (result f64)))
  ;; Returns when every thread of a pass has called it (see "forward").
  (import "threads" "barrier" (func $barrier))
  (memory (export "memory") 1)

  ;; float32(0.01), the slope of leakyRelu below zero.
  (global $slope f32 (f32.const 0.01))

  ;; Runs the network on `rows` rows of the first layer's input, in
  ;; `precision` (0 exact, 1 float32). `scratch`: see "backward".
  ;;
  ;; Threads (float32 only): `parts` instances on one shared memory each call
  ;; the pass with their own `part` (0 .. parts - 1) and `scratch`. Each
  ;; computes its columns of every product (whole panels of 8, see
  ;; $columnAt; "backward" also splits a kernel gradient by rows) and of the
  ;; activations after it, then waits for the others
  ;; ($barrier, imported) before the next layer reads them. Every element is
  ;; still one call's sum in the same order, so the bits do not depend on
  ;; `parts`. With `parts` 1 nothing waits.
  (func (export "forward")
    (param $table i32) (param $layers i32) (param $rows i32) (param $activation i32)
    (param $precision i32) (param $scratch i32) (param $part i32) (param $parts i32)
    (local $layer i32) (local $last i32) (local $fanOut i32) (local $c0 i32) (local $c1 i32)
    (local.set $last (i32.sub (local.get $layers) (i32.const 1)))
    (block $done
      (loop $layerLoop
        (br_if $done (i32.ge_u (local.get $layer) (local.get $layers)))
        (local.set $fanOut (i32.load offset=4 (local.get $table)))
        (local.set $c1 (local.get $fanOut))
        (if (i32.gt_u (local.get $parts) (i32.const 1))
          (then
            (local.set $c0 (call $columnAt (local.get $fanOut) (local.get $part) (local.get $parts)))
            (local.set $c1 (call $columnAt (local.get $fanOut)
              (i32.add (local.get $part) (i32.const 1)) (local.get $parts)))))
        (if (local.get $precision)
          (then
            ;; pre[:, c0..c1] = input [rows, fanIn] . kernel[:, c0..c1], from the bias.
            (call $gemm
              (i32.load offset=8 (local.get $table))
              (i32.shl (i32.load (local.get $table)) (i32.const 2)) (i32.const 4)
              (local.get $rows) (i32.load (local.get $table))
              (i32.add (i32.load offset=12 (local.get $table)) (i32.shl (local.get $c0) (i32.const 2)))
              (i32.shl (local.get $fanOut) (i32.const 2)) (i32.const 4)
              (i32.sub (local.get $c1) (local.get $c0))
              (i32.add (i32.load offset=20 (local.get $table)) (i32.shl (local.get $c0) (i32.const 2)))
              (i32.add (i32.load offset=16 (local.get $table)) (i32.shl (local.get $c0) (i32.const 2)))
              (local.get $scratch) (i32.const 0) (i32.shl (local.get $fanOut) (i32.const 2))))
          (else
            (call $denseForward
              (i32.load offset=8 (local.get $table)) (local.get $rows)
              (i32.load (local.get $table)) (local.get $fanOut)
              (i32.load offset=12 (local.get $table)) (i32.load offset=16 (local.get $table))
              (i32.load offset=20 (local.get $table)))))
        (if (i32.lt_u (local.get $layer) (local.get $last))
          (then
            (if (i32.gt_u (local.get $parts) (i32.const 1))
              (then
                (call $activateColumns (local.get $activation)
                  (i32.load offset=20 (local.get $table)) (i32.load offset=24 (local.get $table))
                  (local.get $rows) (local.get $fanOut) (local.get $c0) (local.get $c1)))
              (else
                (call $activate (local.get $activation)
                  (i32.load offset=20 (local.get $table)) (i32.load offset=24 (local.get $table))
                  (i32.mul (local.get $rows) (local.get $fanOut)))))))
        (if (i32.gt_u (local.get $parts) (i32.const 1)) (then (call $barrier)))
        (local.set $table (i32.add (local.get $table) (i32.const 40)))
        (local.set $layer (i32.add (local.get $layer) (i32.const 1)))
        (br $layerLoop))))

  ;; Backpropagates the last layer's deltas (d loss / d outputs, written by the
  ;; caller) through the network, after `forward` on the same rows: every
  ;; layer's kernel and bias gradients, and the deltas of the layers below, in
  ;; `precision` (0 exact, 1 float32). `scratch` holds as many floats as the
  ;; largest kernel (exact: see $inputGradient), or, for float32, 32 floats and
  ;; a packed copy of the largest matrix a product walks by columns (see $gemm).
  ;;
  ;; Row blocks (float32 only): `carry` is 0 for a pass over the whole batch;
  ;; otherwise the address of one double per parameter (only the biases' are
  ;; used), where the bias gradients' double-precision sums are kept between
  ;; blocks, and `resume` is 0 for a batch's first block, 1 for the next ones,
  ;; which add their kernel gradients to the ones already there and continue
  ;; the bias sums. Each element's sum then runs in the order of one pass
  ;; over the whole batch when the blocks are 256 rows ($gemm's k block).
  ;;
  ;; Threads: as in "forward", `part` of `parts` computes its share of each
  ;; layer's products, then waits for the others: its rows of the kernel
  ;; gradient and its columns of the deltas below (both the layer's inputs),
  ;; and its columns of the bias gradient (the layer's outputs).
  (func (export "backward")
    (param $table i32) (param $layers i32) (param $rows i32) (param $activation i32)
    (param $precision i32) (param $scratch i32) (param $carry i32) (param $resume i32)
    (param $part i32) (param $parts i32)
    (local $entry i32) (local $below i32) (local $fanIn i32) (local $fanOut i32) (local $delta i32)
    (local $biasCarry i32) (local $j0 i32) (local $j1 i32) (local $i0 i32) (local $i1 i32)
    (local.set $entry (i32.add (local.get $table) (i32.mul (i32.sub (local.get $layers) (i32.const 1)) (i32.const 40))))
    (block $done
      (loop $layerLoop
        (br_if $done (i32.lt_s (local.get $entry) (local.get $table)))
        (local.set $fanIn (i32.load (local.get $entry)))
        (local.set $fanOut (i32.load offset=4 (local.get $entry)))
        (local.set $delta (i32.load offset=28 (local.get $entry)))
        ;; This part's columns of the layer's outputs and of its inputs.
        (local.set $j1 (local.get $fanOut))
        (local.set $i1 (local.get $fanIn))
        (if (i32.gt_u (local.get $parts) (i32.const 1))
          (then
            (local.set $j0 (call $columnAt (local.get $fanOut) (local.get $part) (local.get $parts)))
            (local.set $j1 (call $columnAt (local.get $fanOut)
              (i32.add (local.get $part) (i32.const 1)) (local.get $parts)))
            (local.set $i0 (call $columnAt (local.get $fanIn) (local.get $part) (local.get $parts)))
            (local.set $i1 (call $columnAt (local.get $fanIn)
              (i32.add (local.get $part) (i32.const 1)) (local.get $parts)))))
        (if (local.get $precision)
          (then
            ;; kernel gradient[i0..i1, :] = input^T[i0..i1, rows] . delta [rows, fanOut], from
            ;; zero: this part's rows of it, each thread's block of the gradient in one piece.
            (call $gemm
              (i32.add (i32.load offset=8 (local.get $entry)) (i32.shl (local.get $i0) (i32.const 2)))
              (i32.const 4) (i32.shl (local.get $fanIn) (i32.const 2))
              (i32.sub (local.get $i1) (local.get $i0)) (local.get $rows)
              (local.get $delta) (i32.shl (local.get $fanOut) (i32.const 2)) (i32.const 4)
              (local.get $fanOut)
              (i32.add (i32.load offset=32 (local.get $entry))
                (i32.mul (local.get $i0) (i32.shl (local.get $fanOut) (i32.const 2))))
              (i32.const 0) (local.get $scratch)
              (local.get $resume) (i32.shl (local.get $fanOut) (i32.const 2))))
          (else
            (call $kernelGradient
              (i32.load offset=8 (local.get $entry)) (local.get $delta) (local.get $rows)
              (local.get $fanIn) (local.get $fanOut) (i32.load offset=32 (local.get $entry)))))
        ;; This layer's bias sums in `carry`: the bias gradient's offset from the
        ;; gradients' start (the first layer's kernel gradient), in doubles.
        (local.set $biasCarry
          (select
            (i32.add (local.get $carry)
              (i32.shl (i32.add (i32.sub (i32.load offset=36 (local.get $entry)) (i32.load offset=32 (local.get $table)))
                (i32.shl (local.get $j0) (i32.const 2)))
                (i32.const 1)))
            (i32.const 0) (local.get $carry)))
        (call $biasGradient
          (i32.add (local.get $delta) (i32.shl (local.get $j0) (i32.const 2))) (local.get $rows)
          (i32.sub (local.get $j1) (local.get $j0))
          (i32.add (i32.load offset=36 (local.get $entry)) (i32.shl (local.get $j0) (i32.const 2)))
          (local.get $biasCarry) (local.get $resume) (i32.shl (local.get $fanOut) (i32.const 2)))
        (if (i32.gt_u (local.get $entry) (local.get $table))
          (then
            (local.set $below (i32.sub (local.get $entry) (i32.const 40)))
            (if (local.get $precision)
              (then
                ;; deltas below[:, i0..i1] = delta [rows, fanOut] . kernel^T[:, i0..i1], from zero.
                (call $gemm
                  (local.get $delta) (i32.shl (local.get $fanOut) (i32.const 2)) (i32.const 4)
                  (local.get $rows) (local.get $fanOut)
                  (i32.add (i32.load offset=12 (local.get $entry))
                    (i32.mul (local.get $i0) (i32.shl (local.get $fanOut) (i32.const 2))))
                  (i32.const 4) (i32.shl (local.get $fanOut) (i32.const 2))
                  (i32.sub (local.get $i1) (local.get $i0))
                  (i32.add (i32.load offset=28 (local.get $below)) (i32.shl (local.get $i0) (i32.const 2)))
                  (i32.const 0) (local.get $scratch)
                  (i32.const 0) (i32.shl (local.get $fanIn) (i32.const 2))))
              (else
                (call $inputGradient
                  (local.get $delta) (local.get $rows) (local.get $fanIn) (local.get $fanOut)
                  (i32.load offset=12 (local.get $entry)) (i32.load offset=28 (local.get $below))
                  (local.get $scratch))))
            (if (i32.gt_u (local.get $parts) (i32.const 1))
              (then
                (call $backpropagateColumns (local.get $activation)
                  (i32.load offset=28 (local.get $below)) (i32.load offset=20 (local.get $below))
                  (i32.load offset=24 (local.get $below)) (local.get $rows) (local.get $fanIn)
                  (local.get $i0) (local.get $i1)))
              (else
                (call $backpropagateActivation (local.get $activation)
                  (i32.load offset=28 (local.get $below)) (i32.load offset=20 (local.get $below))
                  (i32.load offset=24 (local.get $below)) (i32.mul (local.get $rows) (local.get $fanIn)))))))
        (if (i32.gt_u (local.get $parts) (i32.const 1)) (then (call $barrier)))
        (local.set $entry (i32.sub (local.get $entry) (i32.const 40)))
        (br $layerLoop))))

  ;; The first column of `part`'s share of `n` columns split `parts` ways in
  ;; whole panels of 8 (the micro-kernel's width): min(n, 8 * floor(panels *
  ;; part / parts)), panels = ceil(n / 8). Part `parts` gives n.
  (func $columnAt (param $n i32) (param $part i32) (param $parts i32) (result i32)
    (call $min (local.get $n)
      (i32.shl
        (i32.div_u
          (i32.mul (i32.shr_u (i32.add (local.get $n) (i32.const 7)) (i32.const 3)) (local.get $part))
          (local.get $parts))
        (i32.const 3))))

  ;; $activate on columns c0..c1 of `rows` rows of `width` columns: one call
  ;; over the whole buffer when the columns are all of them, a call per row
  ;; otherwise (each element's operation is the same either way).
  (func $activateColumns
    (param $activation i32) (param $pre i32) (param $out i32) (param $rows i32)
    (param $width i32) (param $c0 i32) (param $c1 i32)
    (local $row i32) (local $offset i32)
    (if (i32.and (i32.eqz (local.get $c0)) (i32.eq (local.get $c1) (local.get $width)))
      (then
        (call $activate (local.get $activation) (local.get $pre) (local.get $out)
          (i32.mul (local.get $rows) (local.get $width)))
        (return)))
    (if (i32.ge_u (local.get $c0) (local.get $c1)) (then (return)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $offset
          (i32.shl (i32.add (i32.mul (local.get $row) (local.get $width)) (local.get $c0)) (i32.const 2)))
        (call $activate (local.get $activation)
          (i32.add (local.get $pre) (local.get $offset)) (i32.add (local.get $out) (local.get $offset))
          (i32.sub (local.get $c1) (local.get $c0)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rowLoop))))

  ;; $backpropagateActivation on columns c0..c1, as $activateColumns.
  (func $backpropagateColumns
    (param $activation i32) (param $delta i32) (param $pre i32) (param $act i32) (param $rows i32)
    (param $width i32) (param $c0 i32) (param $c1 i32)
    (local $row i32) (local $offset i32)
    (if (i32.and (i32.eqz (local.get $c0)) (i32.eq (local.get $c1) (local.get $width)))
      (then
        (call $backpropagateActivation (local.get $activation) (local.get $delta) (local.get $pre)
          (local.get $act) (i32.mul (local.get $rows) (local.get $width)))
        (return)))
    (if (i32.ge_u (local.get $c0) (local.get $c1)) (then (return)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $offset
          (i32.shl (i32.add (i32.mul (local.get $row) (local.get $width)) (local.get $c0)) (i32.const 2)))
        (call $backpropagateActivation (local.get $activation)
          (i32.add (local.get $delta) (local.get $offset)) (i32.add (local.get $pre) (local.get $offset))
          (i32.add (local.get $act) (local.get $offset)) (i32.sub (local.get $c1) (local.get $c0)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rowLoop))))

  ;; parameters[k] += float32(rate * gradients[k]) for k < count, in float32:
  ;; plain SGD's update (a FusedOptimizer's `descentRate`), four lanes at a
  ;; time, each lane the JavaScript step's two roundings.
  (func (export "descend")
    (param $parameters i32) (param $gradients i32) (param $count i32) (param $rate f32)
    (local $end i32) (local $quadsEnd i32) (local $rates v128)
    (local.set $end (i32.add (local.get $parameters) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $quadsEnd (i32.add (local.get $parameters)
      (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2))))
    (local.set $rates (f32x4.splat (local.get $rate)))
    (block $quadsDone
      (loop $quadLoop
        (br_if $quadsDone (i32.ge_u (local.get $parameters) (local.get $quadsEnd)))
        (v128.store (local.get $parameters)
          (f32x4.add (f32x4.mul (local.get $rates) (v128.load (local.get $gradients)))
            (v128.load (local.get $parameters))))
        (local.set $parameters (i32.add (local.get $parameters) (i32.const 16)))
        (local.set $gradients (i32.add (local.get $gradients) (i32.const 16)))
        (br $quadLoop)))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $parameters) (local.get $end)))
        (f32.store (local.get $parameters)
          (f32.add (f32.mul (local.get $rate) (f32.load (local.get $gradients)))
            (f32.load (local.get $parameters))))
        (local.set $parameters (i32.add (local.get $parameters) (i32.const 4)))
        (local.set $gradients (i32.add (local.get $gradients) (i32.const 4)))
        (br $loop))))

  ;; activations[k] = activation(preActivations[k]) for k < count, one loop per
  ;; activation, as each activation's `forward` in @epochlab/models computes it.
  (func $activate
    (param $activation i32) (param $pre i32) (param $out i32) (param $count i32)
    (local $end i32) (local $x f32) (local $quadsEnd i32) (local $v v128)
    (local.set $end (i32.add (local.get $pre) (i32.shl (local.get $count) (i32.const 2))))
    ;; The SIMD loops below run four elements at a time up to here; each lane
    ;; does the scalar loop's float32 operation, so the bits are the same.
    (local.set $quadsEnd (i32.add (local.get $pre)
      (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2))))
    (block $linear
      (block $sigmoid
        (block $tanh
          (block $relu
            (block $leakyRelu
              (br_table $leakyRelu $relu $tanh $sigmoid $linear (local.get $activation)))
            ;; leakyRelu: x < 0 ? slope x : x
            (loop $leakyReluQuads
              (if (i32.lt_u (local.get $pre) (local.get $quadsEnd))
                (then
                  (local.set $v (v128.load (local.get $pre)))
                  (v128.store (local.get $out)
                    (v128.bitselect
                      (f32x4.mul (f32x4.splat (global.get $slope)) (local.get $v)) (local.get $v)
                      (f32x4.lt (local.get $v) (f32x4.splat (f32.const 0)))))
                  (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
                  (local.set $out (i32.add (local.get $out) (i32.const 16)))
                  (br $leakyReluQuads))))
            (loop $leakyReluLoop
              (if (i32.lt_u (local.get $pre) (local.get $end))
                (then
                  (local.set $x (f32.load (local.get $pre)))
                  (f32.store (local.get $out)
                    (select (f32.mul (global.get $slope) (local.get $x)) (local.get $x)
                      (f32.lt (local.get $x) (f32.const 0))))
                  (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
                  (local.set $out (i32.add (local.get $out) (i32.const 4)))
                  (br $leakyReluLoop))))
            (return))
          ;; relu: Math.max(x, 0)
          (loop $reluQuads
            (if (i32.lt_u (local.get $pre) (local.get $quadsEnd))
              (then
                (v128.store (local.get $out)
                  (f32x4.max (v128.load (local.get $pre)) (f32x4.splat (f32.const 0))))
                (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
                (local.set $out (i32.add (local.get $out) (i32.const 16)))
                (br $reluQuads))))
          (loop $reluLoop
            (if (i32.lt_u (local.get $pre) (local.get $end))
              (then
                (f32.store (local.get $out) (f32.max (f32.load (local.get $pre)) (f32.const 0)))
                (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
                (local.set $out (i32.add (local.get $out) (i32.const 4)))
                (br $reluLoop))))
          (return))
        ;; tanh: Math.tanh(x)
        (loop $tanhLoop
          (if (i32.lt_u (local.get $pre) (local.get $end))
            (then
              (f32.store (local.get $out)
                (f32.demote_f64 (call $tanh (f64.promote_f32 (f32.load (local.get $pre))))))
              (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
              (local.set $out (i32.add (local.get $out) (i32.const 4)))
              (br $tanhLoop))))
        (return))
      ;; sigmoid: 1 / (1 + e^-x)
      (loop $sigmoidLoop
        (if (i32.lt_u (local.get $pre) (local.get $end))
          (then
            (f32.store (local.get $out)
              (f32.demote_f64
                (f64.div (f64.const 1)
                  (f64.add (f64.const 1)
                    (call $exp (f64.neg (f64.promote_f32 (f32.load (local.get $pre)))))))))
            (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (br $sigmoidLoop))))
      (return))
    ;; linear: x, the same bits
    (memory.copy (local.get $out) (local.get $pre) (i32.shl (local.get $count) (i32.const 2)))
  )

  ;; delta[k] *= activation'(...) in place for k < count, one loop per
  ;; activation, as each activation's `backward` in @epochlab/models computes it.
  (func $backpropagateActivation
    (param $activation i32) (param $delta i32) (param $pre i32) (param $act i32) (param $count i32)
    (local $end i32) (local $d f32) (local $x f32) (local $y f32)
    (local $quadsEnd i32) (local $dv v128) (local $xv v128)
    (local.set $end (i32.add (local.get $delta) (i32.shl (local.get $count) (i32.const 2))))
    ;; As in $activate: SIMD loops up to here, each lane the scalar operation.
    (local.set $quadsEnd (i32.add (local.get $delta)
      (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2))))
    (block $linear
      (block $sigmoid
        (block $tanh
          (block $relu
            (block $leakyRelu
              (br_table $leakyRelu $relu $tanh $sigmoid $linear (local.get $activation)))
            ;; leakyRelu: x > 0 ? 1 : slope
            (loop $leakyReluQuads
              (if (i32.lt_u (local.get $delta) (local.get $quadsEnd))
                (then
                  (local.set $dv (v128.load (local.get $delta)))
                  (v128.store (local.get $delta)
                    (v128.bitselect
                      (local.get $dv) (f32x4.mul (local.get $dv) (f32x4.splat (global.get $slope)))
                      (f32x4.gt (v128.load (local.get $pre)) (f32x4.splat (f32.const 0)))))
                  (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
                  (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
                  (br $leakyReluQuads))))
            (loop $leakyReluLoop
              (if (i32.lt_u (local.get $delta) (local.get $end))
                (then
                  (local.set $d (f32.load (local.get $delta)))
                  (f32.store (local.get $delta)
                    (select (local.get $d) (f32.mul (local.get $d) (global.get $slope))
                      (f32.gt (f32.load (local.get $pre)) (f32.const 0))))
                  (local.set $delta (i32.add (local.get $delta) (i32.const 4)))
                  (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
                  (br $leakyReluLoop))))
            (return))
          ;; relu: x > 0 ? 1 : 0, NaN for a NaN x
          (loop $reluQuads
            (if (i32.lt_u (local.get $delta) (local.get $quadsEnd))
              (then
                (local.set $dv (v128.load (local.get $delta)))
                (local.set $xv (v128.load (local.get $pre)))
                (v128.store (local.get $delta)
                  (v128.bitselect
                    (local.get $dv)
                    (v128.bitselect
                      (f32x4.splat (f32.const nan)) (f32x4.mul (local.get $dv) (f32x4.splat (f32.const 0)))
                      (f32x4.ne (local.get $xv) (local.get $xv)))
                    (f32x4.gt (local.get $xv) (f32x4.splat (f32.const 0)))))
                (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
                (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
                (br $reluQuads))))
          (loop $reluLoop
            (if (i32.lt_u (local.get $delta) (local.get $end))
              (then
                (local.set $d (f32.load (local.get $delta)))
                (local.set $x (f32.load (local.get $pre)))
                (f32.store (local.get $delta)
                  (select
                    (local.get $d)
                    (select
                      (f32.const nan) (f32.mul (local.get $d) (f32.const 0))
                      (f32.ne (local.get $x) (local.get $x)))
                    (f32.gt (local.get $x) (f32.const 0))))
                (local.set $delta (i32.add (local.get $delta) (i32.const 4)))
                (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
                (br $reluLoop))))
          (return))
        ;; tanh: 1 - y^2
        (loop $tanhLoop
          (if (i32.lt_u (local.get $delta) (local.get $end))
            (then
              (local.set $y (f32.load (local.get $act)))
              (f32.store (local.get $delta)
                (f32.mul
                  (f32.sub (f32.const 1) (f32.mul (local.get $y) (local.get $y)))
                  (f32.load (local.get $delta))))
              (local.set $delta (i32.add (local.get $delta) (i32.const 4)))
              (local.set $act (i32.add (local.get $act) (i32.const 4)))
              (br $tanhLoop))))
        (return))
      ;; sigmoid: y (1 - y)
      (loop $sigmoidLoop
        (if (i32.lt_u (local.get $delta) (local.get $end))
          (then
            (local.set $y (f32.load (local.get $act)))
            (f32.store (local.get $delta)
              (f32.mul (f32.load (local.get $delta))
                (f32.mul (local.get $y) (f32.sub (f32.const 1) (local.get $y)))))
            (local.set $delta (i32.add (local.get $delta) (i32.const 4)))
            (local.set $act (i32.add (local.get $act) (i32.const 4)))
            (br $sigmoidLoop))))
      (return))
    ;; linear: the derivative is 1, nothing to do
  )

  ;; output[row, o] = round32(sum_i input[row, i] * kernel[i, o]) + bias[o]
  (func $denseForward
    (param $input i32) (param $rows i32) (param $fanIn i32) (param $fanOut i32)
    (param $kernel i32) (param $bias i32) (param $output i32)
    (local $row i32) (local $o i32) (local $i i32) (local $x i32) (local $w i32)
    (local $stride i32) (local $a v128) (local $b v128) (local $xv v128) (local $w4 v128)
    (local $s f64)
    (local.set $stride (i32.shl (local.get $fanOut) (i32.const 2)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $o (i32.const 0))
        ;; Four outputs at a time.
        (block $quadsDone
          (loop $quadLoop
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $o) (i32.const 4)) (local.get $fanOut)))
            (local.set $a (f64x2.splat (f64.const 0)))
            (local.set $b (f64x2.splat (f64.const 0)))
            (local.set $x (local.get $input))
            (local.set $w (i32.add (local.get $kernel) (i32.shl (local.get $o) (i32.const 2))))
            (local.set $i (local.get $fanIn))
            (block $iDone
              (loop $iLoop
                (br_if $iDone (i32.eqz (local.get $i)))
                (local.set $xv (f64x2.splat (f64.promote_f32 (f32.load (local.get $x)))))
                (local.set $w4 (v128.load (local.get $w)))
                (local.set $a (f64x2.add (local.get $a)
                  (f64x2.mul (local.get $xv) (f64x2.promote_low_f32x4 (local.get $w4)))))
                (local.set $b (f64x2.add (local.get $b)
                  (f64x2.mul (local.get $xv) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
                    (local.get $w4) (local.get $w4))))))
                (local.set $x (i32.add (local.get $x) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (local.get $stride)))
                (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                (br $iLoop)))
            (v128.store
              (i32.add (local.get $output) (i32.shl (local.get $o) (i32.const 2)))
              (f32x4.add
                (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b)))
                (v128.load (i32.add (local.get $bias) (i32.shl (local.get $o) (i32.const 2))))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $quadLoop)))
        ;; The remaining outputs one at a time.
        (block $restDone
          (loop $restLoop
            (br_if $restDone (i32.ge_u (local.get $o) (local.get $fanOut)))
            (local.set $s (f64.const 0))
            (local.set $x (local.get $input))
            (local.set $w (i32.add (local.get $kernel) (i32.shl (local.get $o) (i32.const 2))))
            (local.set $i (local.get $fanIn))
            (block $iDone
              (loop $iLoop
                (br_if $iDone (i32.eqz (local.get $i)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (f64.promote_f32 (f32.load (local.get $x)))
                           (f64.promote_f32 (f32.load (local.get $w))))))
                (local.set $x (i32.add (local.get $x) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (local.get $stride)))
                (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                (br $iLoop)))
            (f32.store
              (i32.add (local.get $output) (i32.shl (local.get $o) (i32.const 2)))
              (f32.add
                (f32.demote_f64 (local.get $s))
                (f32.load (i32.add (local.get $bias) (i32.shl (local.get $o) (i32.const 2))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (br $restLoop)))
        (local.set $input (i32.add (local.get $input) (i32.shl (local.get $fanIn) (i32.const 2))))
        (local.set $output (i32.add (local.get $output) (local.get $stride)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rowLoop))))

  ;; gradients[i, o] = round32(sum_row input[row, i] * delta[row, o])
  (func $kernelGradient
    (param $input i32) (param $delta i32) (param $rows i32) (param $fanIn i32)
    (param $fanOut i32) (param $gradients i32)
    (local $i i32) (local $o i32) (local $row i32) (local $x i32) (local $d i32)
    (local $stride i32) (local $inStride i32) (local $a v128) (local $b v128)
    (local $xv v128) (local $d4 v128) (local $s f64)
    (local.set $stride (i32.shl (local.get $fanOut) (i32.const 2)))
    (local.set $inStride (i32.shl (local.get $fanIn) (i32.const 2)))
    (block $inputsDone
      (loop $inputLoop
        (br_if $inputsDone (i32.ge_u (local.get $i) (local.get $fanIn)))
        (local.set $o (i32.const 0))
        (block $quadsDone
          (loop $quadLoop
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $o) (i32.const 4)) (local.get $fanOut)))
            (local.set $a (f64x2.splat (f64.const 0)))
            (local.set $b (f64x2.splat (f64.const 0)))
            (local.set $x (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $d (i32.add (local.get $delta) (i32.shl (local.get $o) (i32.const 2))))
            (local.set $row (local.get $rows))
            (block $rowsDone
              (loop $rowLoop
                (br_if $rowsDone (i32.eqz (local.get $row)))
                (local.set $xv (f64x2.splat (f64.promote_f32 (f32.load (local.get $x)))))
                (local.set $d4 (v128.load (local.get $d)))
                (local.set $a (f64x2.add (local.get $a)
                  (f64x2.mul (local.get $xv) (f64x2.promote_low_f32x4 (local.get $d4)))))
                (local.set $b (f64x2.add (local.get $b)
                  (f64x2.mul (local.get $xv) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
                    (local.get $d4) (local.get $d4))))))
                (local.set $x (i32.add (local.get $x) (local.get $inStride)))
                (local.set $d (i32.add (local.get $d) (local.get $stride)))
                (local.set $row (i32.sub (local.get $row) (i32.const 1)))
                (br $rowLoop)))
            (v128.store
              (i32.add (local.get $gradients) (i32.shl (local.get $o) (i32.const 2)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $quadLoop)))
        (block $restDone
          (loop $restLoop
            (br_if $restDone (i32.ge_u (local.get $o) (local.get $fanOut)))
            (local.set $s (f64.const 0))
            (local.set $x (i32.add (local.get $input) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $d (i32.add (local.get $delta) (i32.shl (local.get $o) (i32.const 2))))
            (local.set $row (local.get $rows))
            (block $rowsDone
              (loop $rowLoop
                (br_if $rowsDone (i32.eqz (local.get $row)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (f64.promote_f32 (f32.load (local.get $x)))
                           (f64.promote_f32 (f32.load (local.get $d))))))
                (local.set $x (i32.add (local.get $x) (local.get $inStride)))
                (local.set $d (i32.add (local.get $d) (local.get $stride)))
                (local.set $row (i32.sub (local.get $row) (i32.const 1)))
                (br $rowLoop)))
            (f32.store
              (i32.add (local.get $gradients) (i32.shl (local.get $o) (i32.const 2)))
              (f32.demote_f64 (local.get $s)))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (br $restLoop)))
        (local.set $gradients (i32.add (local.get $gradients) (local.get $stride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $inputLoop))))

  ;; gradients[o] = round32(sum_row delta[row, o]), for o < fanOut, the rows of
  ;; delta `stride` bytes apart.
  ;; With `carry` (not 0: fanOut doubles), each sum starts from carry's
  ;; (`resume`) or zero and is also kept there, unrounded, for the next block.
  (func $biasGradient
    (param $delta i32) (param $rows i32) (param $fanOut i32) (param $gradients i32)
    (param $carry i32) (param $resume i32) (param $stride i32)
    (local $o i32) (local $row i32) (local $d i32)
    (local $a v128) (local $b v128) (local $d4 v128) (local $s f64)
    (block $quadsDone
      (loop $quadLoop
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $o) (i32.const 4)) (local.get $fanOut)))
        (local.set $a (select (v128.load (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3))))
          (f64x2.splat (f64.const 0)) (local.get $resume)))
        (local.set $b (select (v128.load offset=16 (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3))))
          (f64x2.splat (f64.const 0)) (local.get $resume)))
        (local.set $d (i32.add (local.get $delta) (i32.shl (local.get $o) (i32.const 2))))
        (local.set $row (local.get $rows))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.eqz (local.get $row)))
            (local.set $d4 (v128.load (local.get $d)))
            (local.set $a (f64x2.add (local.get $a) (f64x2.promote_low_f32x4 (local.get $d4))))
            (local.set $b (f64x2.add (local.get $b) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
                    (local.get $d4) (local.get $d4)))))
            (local.set $d (i32.add (local.get $d) (local.get $stride)))
            (local.set $row (i32.sub (local.get $row) (i32.const 1)))
            (br $rowLoop)))
        (v128.store
          (i32.add (local.get $gradients) (i32.shl (local.get $o) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b))))
        (if (local.get $carry)
          (then
            (v128.store (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3))) (local.get $a))
            (v128.store offset=16 (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3)))
              (local.get $b))))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $quadLoop)))
    (block $restDone
      (loop $restLoop
        (br_if $restDone (i32.ge_u (local.get $o) (local.get $fanOut)))
        (local.set $s (select (f64.load (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3))))
          (f64.const 0) (local.get $resume)))
        (local.set $d (i32.add (local.get $delta) (i32.shl (local.get $o) (i32.const 2))))
        (local.set $row (local.get $rows))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.eqz (local.get $row)))
            (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load (local.get $d)))))
            (local.set $d (i32.add (local.get $d) (local.get $stride)))
            (local.set $row (i32.sub (local.get $row) (i32.const 1)))
            (br $rowLoop)))
        (f32.store
          (i32.add (local.get $gradients) (i32.shl (local.get $o) (i32.const 2)))
          (f32.demote_f64 (local.get $s)))
        (if (local.get $carry)
          (then (f64.store (i32.add (local.get $carry) (i32.shl (local.get $o) (i32.const 3))) (local.get $s))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $restLoop))))

  ;; below[row, i] = round32(sum_o delta[row, o] * kernel[i, o]). The kernel is
  ;; first transposed into `scratch` ([fanOut, fanIn]), so that four inputs'
  ;; weights for one output are adjacent: each SIMD lane then sums one input's
  ;; products over o in order, as the JavaScript sums them.
  (func $inputGradient
    (param $delta i32) (param $rows i32) (param $fanIn i32) (param $fanOut i32)
    (param $kernel i32) (param $below i32) (param $scratch i32)
    (local $row i32) (local $i i32) (local $o i32) (local $d i32) (local $w i32)
    (local $inStride i32) (local $a v128) (local $b v128) (local $dv v128) (local $w4 v128)
    (local $s f64)
    (local.set $inStride (i32.shl (local.get $fanIn) (i32.const 2)))
    ;; scratch[o, i] = kernel[i, o], reading the kernel in order.
    (local.set $w (local.get $kernel))
    (block $transposed
      (loop $inputLoop
        (br_if $transposed (i32.ge_u (local.get $i) (local.get $fanIn)))
        (local.set $d (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $o (local.get $fanOut))
        (block $outputsDone
          (loop $outputLoop
            (br_if $outputsDone (i32.eqz (local.get $o)))
            (f32.store (local.get $d) (f32.load (local.get $w)))
            (local.set $w (i32.add (local.get $w) (i32.const 4)))
            (local.set $d (i32.add (local.get $d) (local.get $inStride)))
            (local.set $o (i32.sub (local.get $o) (i32.const 1)))
            (br $outputLoop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $inputLoop)))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $i (i32.const 0))
        ;; Four inputs at a time.
        (block $quadsDone
          (loop $quadLoop
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $fanIn)))
            (local.set $a (f64x2.splat (f64.const 0)))
            (local.set $b (f64x2.splat (f64.const 0)))
            (local.set $d (local.get $delta))
            (local.set $w (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $o (local.get $fanOut))
            (block $outputsDone
              (loop $outputLoop
                (br_if $outputsDone (i32.eqz (local.get $o)))
                (local.set $dv (f64x2.splat (f64.promote_f32 (f32.load (local.get $d)))))
                (local.set $w4 (v128.load (local.get $w)))
                (local.set $a (f64x2.add (local.get $a)
                  (f64x2.mul (local.get $dv) (f64x2.promote_low_f32x4 (local.get $w4)))))
                (local.set $b (f64x2.add (local.get $b)
                  (f64x2.mul (local.get $dv) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
                    (local.get $w4) (local.get $w4))))))
                (local.set $d (i32.add (local.get $d) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (local.get $inStride)))
                (local.set $o (i32.sub (local.get $o) (i32.const 1)))
                (br $outputLoop)))
            (v128.store
              (i32.add (local.get $below) (i32.shl (local.get $i) (i32.const 2)))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                (f32x4.demote_f64x2_zero (local.get $a)) (f32x4.demote_f64x2_zero (local.get $b))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $quadLoop)))
        ;; The remaining inputs one at a time.
        (block $restDone
          (loop $restLoop
            (br_if $restDone (i32.ge_u (local.get $i) (local.get $fanIn)))
            (local.set $s (f64.const 0))
            (local.set $d (local.get $delta))
            (local.set $w (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $o (local.get $fanOut))
            (block $outputsDone
              (loop $outputLoop
                (br_if $outputsDone (i32.eqz (local.get $o)))
                (local.set $s (f64.add (local.get $s)
                  (f64.mul (f64.promote_f32 (f32.load (local.get $d)))
                           (f64.promote_f32 (f32.load (local.get $w))))))
                (local.set $d (i32.add (local.get $d) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (local.get $inStride)))
                (local.set $o (i32.sub (local.get $o) (i32.const 1)))
                (br $outputLoop)))
            (f32.store
              (i32.add (local.get $below) (i32.shl (local.get $i) (i32.const 2)))
              (f32.demote_f64 (local.get $s)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $restLoop)))
        (local.set $delta (i32.add (local.get $delta) (i32.shl (local.get $fanOut) (i32.const 2))))
        (local.set $below (i32.add (local.get $below) (local.get $inStride)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rowLoop))))

  ;; ---- float32 products ----
  ;; C[m, n] = start + A[m, k] . B[k, n] in float32, C row-major at `c`, its
  ;; rows `cStride` bytes apart (n columns of a wider matrix: a thread's share,
  ;; see "forward"); start is the row at `bias` on every row, or zero when
  ;; `bias` is 0 (the layer table, never a bias); with `accumulate` (not 0),
  ;; C += A . B instead (a row block's kernel gradients added to the earlier
  ;; blocks'). A and B are read through
  ;; strides (bytes between rows, between elements along k or n), so one
  ;; function serves X.W, X^T.delta and delta.W^T.
  ;;
  ;; The layout follows the usual GEMM blocking (as in BLIS or XNNPACK): B is
  ;; first packed into panels of 8 columns ($packColumns), so the micro-kernel
  ;; reads it in order whatever its strides (a wide kernel walked by rows of
  ;; 4 KiB maps every row to the same L1 set), unless its columns are
  ;; adjacent and A has at most 256 rows: then the packed copy costs more than
  ;; the panel's reads from L2 (measured: 19 against 13 GMAC/s for 32 rows
  ;; times a 1024 x 1024 kernel); k runs in blocks
  ;; of 256 (a panel's block, 8 KiB, stays in the 64 KiB L1 while 64 rows of
  ;; A, up to 64 KiB, come from L2); each 4 x 8 tile of C is summed in eight
  ;; f32x4 registers ($microKernel). Element (i, j)'s sum is start, then each
  ;; k block's partial sum (from zero, k in order) added in block order.
  (func $gemm
    (param $a i32) (param $aRowStride i32) (param $aKStride i32) (param $m i32) (param $k i32)
    (param $b i32) (param $bKStride i32) (param $bNStride i32) (param $n i32)
    (param $c i32) (param $bias i32) (param $scratch i32) (param $accumulate i32)
    (param $cStride i32)
    (local $packed i32) (local $row i32) (local $k0 i32) (local $kc i32)
    (local $m0 i32) (local $mEnd i32) (local $n0 i32) (local $panel i32) (local $nr i32)
    (local $mr i32) (local $panelStride i32) (local $start i32) (local $packedA i32)
    (local $tileRowStride i32)
    (local $packEach i32)
    ;; No columns (a thread's empty share of a narrow layer): nothing to do.
    (if (i32.eqz (local.get $n)) (then (return)))
    ;; A single column (a layer of one output, its kernel gradient) or a
    ;; single inner step (a layer of one input, the deltas below one output):
    ;; a 4 x 8 tile would compute 8 or 32 times the work.
    (if (i32.and (i32.and (i32.eq (local.get $n) (i32.const 1)) (i32.ne (local.get $k) (i32.const 0)))
          (i32.eq (local.get $cStride) (i32.const 4)))
      (then
        (call $matrixVector (local.get $a) (local.get $aRowStride) (local.get $aKStride)
          (local.get $m) (local.get $k) (local.get $b) (local.get $bKStride)
          (local.get $c) (local.get $bias) (local.get $accumulate) (local.get $scratch))
        (return)))
    (if (i32.and (i32.eq (local.get $k) (i32.const 1)) (i32.eq (local.get $bNStride) (i32.const 4)))
      (then
        (call $outerProduct (local.get $a) (local.get $aRowStride) (local.get $m)
          (local.get $b) (local.get $n) (local.get $c) (local.get $bias) (local.get $accumulate)
          (local.get $cStride))
        (return)))
    (if (i32.and (i32.eq (local.get $bNStride) (i32.const 4))
          (i32.or (i32.le_u (local.get $n) (i32.const 16)) (i32.le_u (local.get $m) (i32.const 256))))
      (then
        ;; A B with adjacent columns that is narrow (a kernel of at most 16
        ;; outputs, a narrow layer's deltas) or multiplies at most 256 rows (a
        ;; forward pass's row block): the micro-kernel reads its rows in place,
        ;; 8 floats from each panel's first column. Past the last column it
        ;; reads the next floats (the workspace ends in 8 floats of slack);
        ;; those lanes are computed and dropped, as the padding is.
        (local.set $packed (local.get $b))
        (local.set $panelStride (local.get $bKStride)))
      (else
        ;; scratch: the micro-kernel's edge tile (32 floats), then the packed B.
        (local.set $packed (i32.add (local.get $scratch) (i32.const 128)))
        (local.set $panelStride (i32.const 32))
        ;; At most 64 rows of A (one m block) use each panel's k block once:
        ;; it is packed just before, into the same 8 KiB, and stays in L1
        ;; (a whole packed B would go out to L2 or further and back).
        (local.set $packEach (i32.le_u (local.get $m) (i32.const 64)))
        (if (i32.eqz (local.get $packEach))
          (then
            (call $packColumns (local.get $b) (local.get $bKStride) (local.get $bNStride)
              (local.get $k) (local.get $n) (local.get $packed))))))
    ;; A transposed A (a kernel gradient's X^T: rows adjacent, k a whole row
    ;; of X apart): its quads of rows are copied next to each other, k after
    ;; k, after the packed B (or at its place), so that the micro-kernel's
    ;; reads of A run in order instead of one cache line per k.
    (if (i32.and (i32.eq (local.get $aRowStride) (i32.const 4)) (i32.gt_u (local.get $aKStride) (i32.const 64)))
      (then
        (local.set $packedA
          (i32.add (i32.add (local.get $scratch) (i32.const 128))
            (select
              (i32.shl (i32.mul (i32.and (i32.add (local.get $n) (i32.const 7)) (i32.const -8)) (local.get $k))
                (i32.const 2))
              (i32.const 0)
              (i32.eq (local.get $panelStride) (i32.const 32)))))
        (call $packRowQuads (local.get $a) (local.get $aKStride) (local.get $m) (local.get $k)
          (local.get $packedA))
        ;; A tile's four rows start 16 k bytes after the previous tile's, 4
        ;; bytes apart, and k runs 16 bytes a step: as if A's rows were 4 k
        ;; bytes apart for the tile's first row.
        (local.set $a (local.get $packedA))
        (local.set $tileRowStride (i32.shl (local.get $k) (i32.const 2)))
        (local.set $aKStride (i32.const 16)))
      (else (local.set $tileRowStride (local.get $aRowStride))))
    (if (i32.and (i32.eqz (local.get $k)) (i32.eqz (local.get $accumulate)))
      (then
        ;; No products: C is the start value (the micro-kernel writes it otherwise).
        (if (local.get $bias)
          (then
            (block $filled
              (loop $fillLoop
                (br_if $filled (i32.ge_u (local.get $row) (local.get $m)))
                (memory.copy (i32.add (local.get $c) (i32.mul (local.get $row) (local.get $cStride)))
                  (local.get $bias) (i32.shl (local.get $n) (i32.const 2)))
                (local.set $row (i32.add (local.get $row) (i32.const 1)))
                (br $fillLoop))))
          (else
            (block $zeroed
              (loop $zeroLoop
                (br_if $zeroed (i32.ge_u (local.get $row) (local.get $m)))
                (memory.fill (i32.add (local.get $c) (i32.mul (local.get $row) (local.get $cStride)))
                  (i32.const 0) (i32.shl (local.get $n) (i32.const 2)))
                (local.set $row (i32.add (local.get $row) (i32.const 1)))
                (br $zeroLoop)))))
        (return)))
    (block $kDone
      (loop $kLoop
        (br_if $kDone (i32.ge_u (local.get $k0) (local.get $k)))
        (local.set $kc (i32.sub (local.get $k) (local.get $k0)))
        (local.set $kc (call $min (local.get $kc) (i32.const 256)))
        (local.set $m0 (i32.const 0))
        (block $mDone
          (loop $mLoop
            (br_if $mDone (i32.ge_u (local.get $m0) (local.get $m)))
            (local.set $mEnd (i32.add (local.get $m0) (i32.const 64)))
            (local.set $mEnd (call $min (local.get $mEnd) (local.get $m)))
            (local.set $n0 (i32.const 0))
            (block $nDone
              (loop $nLoop
                (br_if $nDone (i32.ge_u (local.get $n0) (local.get $n)))
                (local.set $nr (i32.sub (local.get $n) (local.get $n0)))
                (local.set $nr (call $min (local.get $nr) (i32.const 8)))
                ;; Packed: panel n0 / 8 holds k rows of 8 floats; in place:
                ;; column n0 of B. This block starts at row k0.
                (if (local.get $packEach)
                  (then
                    (call $packColumns
                      (i32.add (local.get $b)
                        (i32.add (i32.mul (local.get $n0) (local.get $bNStride))
                          (i32.mul (local.get $k0) (local.get $bKStride))))
                      (local.get $bKStride) (local.get $bNStride) (local.get $kc) (local.get $nr)
                      (local.get $packed))))
                (local.set $panel
                  (if (result i32) (local.get $packEach)
                    (then (local.get $packed))
                    (else
                      (if (result i32) (i32.eq (local.get $panelStride) (i32.const 32))
                        (then
                          (i32.add (local.get $packed)
                            (i32.add (i32.shl (i32.mul (local.get $n0) (local.get $k)) (i32.const 2))
                              (i32.shl (local.get $k0) (i32.const 5)))))
                        (else
                          (i32.add (local.get $packed)
                            (i32.add (i32.shl (local.get $n0) (i32.const 2))
                              (i32.mul (local.get $k0) (local.get $panelStride)))))))))
                ;; The first k block writes start + sums (the bias's columns
                ;; n0.., or zeros), the later ones add theirs to C.
                (local.set $start
                  (select (i32.add (local.get $bias) (i32.shl (local.get $n0) (i32.const 2)))
                    (i32.const 0) (local.get $bias)))
                (local.set $row (local.get $m0))
                (block $rowsDone
                  (loop $rowLoop
                    (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $mEnd)))
                    (local.set $mr (i32.sub (local.get $mEnd) (local.get $row)))
                    (local.set $mr (call $min (local.get $mr) (i32.const 4)))
                    (call $microKernel
                      (i32.add (local.get $a)
                        (i32.add (i32.mul (local.get $row) (local.get $tileRowStride))
                          (i32.mul (local.get $k0) (local.get $aKStride))))
                      (local.get $aRowStride) (local.get $aKStride) (local.get $mr)
                      (local.get $panel) (local.get $panelStride) (local.get $kc)
                      (i32.add (local.get $c)
                        (i32.add (i32.mul (local.get $row) (local.get $cStride))
                          (i32.shl (local.get $n0) (i32.const 2))))
                      (local.get $cStride) (local.get $nr) (local.get $scratch)
                      (i32.and (i32.eqz (local.get $k0)) (i32.eqz (local.get $accumulate)))
                      (local.get $start))
                    (local.set $row (i32.add (local.get $row) (i32.const 4)))
                    (br $rowLoop)))
                (local.set $n0 (i32.add (local.get $n0) (i32.const 8)))
                (br $nLoop)))
            (local.set $m0 (local.get $mEnd))
            (br $mLoop)))
        (local.set $k0 (i32.add (local.get $k0) (local.get $kc)))
        (br $kLoop))))

  ;; $gemm for n = 1 and C's rows adjacent: C[i] = start + sum_k A[i, k] b[k], four rows of A in the
  ;; four lanes (rows past m re-read the last one, computed and dropped), k in
  ;; order in blocks of 256, each from zero and added to C in block order: the
  ;; order, and so the bits, of $gemm's tiles. A's four rows are one load when
  ;; they are adjacent (a kernel gradient's Xᵀ), four otherwise.
  (func $matrixVector
    (param $a i32) (param $aRowStride i32) (param $aKStride i32) (param $m i32) (param $k i32)
    (param $b i32) (param $bKStride i32) (param $c i32) (param $bias i32) (param $accumulate i32)
    (param $tile i32)
    (local $i0 i32) (local $mr i32) (local $k0 i32) (local $kc i32) (local $kk i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $target i32)
    (local $adjacent i32) (local $offset i32) (local $acc v128) (local $x v128) (local $start v128)
    (if (local.get $bias) (then (local.set $start (v128.load32_splat (local.get $bias)))))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $i0) (local.get $m)))
        (local.set $mr (call $min (i32.sub (local.get $m) (local.get $i0)) (i32.const 4)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i0) (local.get $aRowStride))))
        (local.set $a1 (select (i32.add (local.get $a0) (local.get $aRowStride)) (local.get $a0)
          (i32.gt_u (local.get $mr) (i32.const 1))))
        (local.set $a2 (select (i32.add (local.get $a1) (local.get $aRowStride)) (local.get $a1)
          (i32.gt_u (local.get $mr) (i32.const 2))))
        (local.set $a3 (select (i32.add (local.get $a2) (local.get $aRowStride)) (local.get $a2)
          (i32.gt_u (local.get $mr) (i32.const 3))))
        (local.set $adjacent (i32.and (i32.eq (local.get $mr) (i32.const 4))
          (i32.eq (local.get $aRowStride) (i32.const 4))))
        ;; Four rows of C in place, fewer through `tile`.
        (local.set $target (i32.add (local.get $c) (i32.shl (local.get $i0) (i32.const 2))))
        (if (i32.lt_u (local.get $mr) (i32.const 4))
          (then
            (memory.copy (local.get $tile) (local.get $target) (i32.shl (local.get $mr) (i32.const 2)))
            (local.set $target (local.get $tile))))
        (local.set $k0 (i32.const 0))
        (block $kDone
          (loop $kLoop
            (br_if $kDone (i32.ge_u (local.get $k0) (local.get $k)))
            (local.set $kc (call $min (i32.sub (local.get $k) (local.get $k0)) (i32.const 256)))
            (local.set $acc (v128.const i32x4 0 0 0 0))
            (local.set $kk (local.get $k0))
            (block $blockDone
              (loop $blockLoop
                (br_if $blockDone (i32.ge_u (local.get $kk) (i32.add (local.get $k0) (local.get $kc))))
                (local.set $offset (i32.mul (local.get $kk) (local.get $aKStride)))
                (if (local.get $adjacent)
                  (then (local.set $x (v128.load (i32.add (local.get $a0) (local.get $offset)))))
                  (else
                    (local.set $x (v128.load32_splat (i32.add (local.get $a0) (local.get $offset))))
                    (local.set $x (f32x4.replace_lane 1 (local.get $x)
                      (f32.load (i32.add (local.get $a1) (local.get $offset)))))
                    (local.set $x (f32x4.replace_lane 2 (local.get $x)
                      (f32.load (i32.add (local.get $a2) (local.get $offset)))))
                    (local.set $x (f32x4.replace_lane 3 (local.get $x)
                      (f32.load (i32.add (local.get $a3) (local.get $offset)))))))
                (local.set $acc (f32x4.add (local.get $acc) ;; madd
                  (f32x4.mul (local.get $x)
                    (v128.load32_splat (i32.add (local.get $b) (i32.mul (local.get $kk) (local.get $bKStride)))))))
                (local.set $kk (i32.add (local.get $kk) (i32.const 1)))
                (br $blockLoop)))
            (v128.store (local.get $target)
              (f32x4.add
                (select (local.get $start) (v128.load (local.get $target))
                  (i32.and (i32.eqz (local.get $k0)) (i32.eqz (local.get $accumulate))))
                (local.get $acc)))
            (local.set $k0 (i32.add (local.get $k0) (local.get $kc)))
            (br $kLoop)))
        (if (i32.lt_u (local.get $mr) (i32.const 4))
          (then
            (memory.copy (i32.add (local.get $c) (i32.shl (local.get $i0) (i32.const 2)))
              (local.get $tile) (i32.shl (local.get $mr) (i32.const 2)))))
        (local.set $i0 (i32.add (local.get $i0) (i32.const 4)))
        (br $rowLoop))))

  ;; $gemm for k = 1 and B's columns adjacent: C[r, j] = start[j] + (0 +
  ;; A[r] B[j]) (C[r, j] + ... with `accumulate`), four columns at a time: the
  ;; micro-kernel's operations on one k, without its tile.
  (func $outerProduct
    (param $a i32) (param $aRowStride i32) (param $m i32) (param $b i32) (param $n i32)
    (param $c i32) (param $bias i32) (param $accumulate i32) (param $cStride i32)
    (local $row i32) (local $j i32) (local $x v128) (local $product v128) (local $base v128)
    (local $out i32) (local $offset i32) (local $p f32) (local $s f32)
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $m)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quadLoop
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
            (local.set $offset (i32.shl (local.get $j) (i32.const 2)))
            (local.set $out (i32.add (local.get $c) (local.get $offset)))
            (local.set $product (f32x4.add (v128.const i32x4 0 0 0 0)
              (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $b) (local.get $offset))))))
            (local.set $base
              (if (result v128) (local.get $accumulate)
                (then (v128.load (local.get $out)))
                (else
                  (if (result v128) (local.get $bias)
                    (then (v128.load (i32.add (local.get $bias) (local.get $offset))))
                    (else (v128.const i32x4 0 0 0 0))))))
            (v128.store (local.get $out) (f32x4.add (local.get $base) (local.get $product)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quadLoop)))
        (block $columnsDone
          (loop $columnLoop
            (br_if $columnsDone (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $offset (i32.shl (local.get $j) (i32.const 2)))
            (local.set $out (i32.add (local.get $c) (local.get $offset)))
            (local.set $p (f32.add (f32.const 0)
              (f32.mul (f32x4.extract_lane 0 (local.get $x)) (f32.load (i32.add (local.get $b) (local.get $offset))))))
            (local.set $s
              (if (result f32) (local.get $accumulate)
                (then (f32.load (local.get $out)))
                (else
                  (if (result f32) (local.get $bias)
                    (then (f32.load (i32.add (local.get $bias) (local.get $offset))))
                    (else (f32.const 0))))))
            (f32.store (local.get $out) (f32.add (local.get $s) (local.get $p)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columnLoop)))
        (local.set $a (i32.add (local.get $a) (local.get $aRowStride)))
        (local.set $c (i32.add (local.get $c) (local.get $cStride)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $rowLoop))))

  ;; The smaller of two unsigned numbers.
  (func $min (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.lt_u (local.get $a) (local.get $b))))

  ;; dst = A [m, k] with its rows adjacent (4 bytes apart, k `kStride` bytes
  ;; apart) as quads of rows, each k quads of 4 floats in k order: quad g's
  ;; k-th is A[4g .. 4g + 3, k]. The last quad's rows past m are whatever
  ;; follows A's row m - 1 (the micro-kernel never reads them).
  (func $packRowQuads
    (param $a i32) (param $kStride i32) (param $m i32) (param $k i32) (param $dst i32)
    (local $row i32) (local $src i32) (local $kk i32)
    (block $quadsDone
      (loop $quadLoop
        (br_if $quadsDone (i32.ge_u (local.get $row) (local.get $m)))
        (local.set $src (i32.add (local.get $a) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $kk (local.get $k))
        (block $kDone
          (loop $kLoop
            (br_if $kDone (i32.eqz (local.get $kk)))
            (v128.store (local.get $dst) (v128.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $kStride)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
            (local.set $kk (i32.sub (local.get $kk) (i32.const 1)))
            (br $kLoop)))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (br $quadLoop))))

  ;; dst = B [k, n] (strides in bytes) as panels of 8 columns, each k rows of
  ;; 8 floats in order; the last panel's missing columns are zeros.
  (func $packColumns
    (param $b i32) (param $kStride i32) (param $nStride i32) (param $k i32) (param $n i32)
    (param $dst i32)
    (local $n0 i32) (local $nr i32) (local $row i32) (local $column i32) (local $src i32)
    (local $j i32) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (block $panelsDone
      (loop $panelLoop
        (br_if $panelsDone (i32.ge_u (local.get $n0) (local.get $n)))
        (local.set $nr (i32.sub (local.get $n) (local.get $n0)))
        (local.set $nr (call $min (local.get $nr) (i32.const 8)))
        (local.set $column (i32.add (local.get $b) (i32.mul (local.get $n0) (local.get $nStride))))
        (local.set $row (i32.const 0))
        (if (i32.and (i32.eq (local.get $nr) (i32.const 8)) (i32.eq (local.get $nStride) (i32.const 4)))
          (then
            ;; Eight adjacent floats: two SIMD copies a row.
            (block $rowsDone
              (loop $rowLoop
                (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $k)))
                (v128.store (local.get $dst) (v128.load (local.get $column)))
                (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $column)))
                (local.set $column (i32.add (local.get $column) (local.get $kStride)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (local.set $row (i32.add (local.get $row) (i32.const 1)))
                (br $rowLoop))))
          (else
            ;; A transposed full panel (B's k runs along its memory): four k
            ;; at a time as two 4 x 4 transposes of eight rows' SIMD loads.
            (if (i32.and (i32.eq (local.get $nr) (i32.const 8)) (i32.eq (local.get $kStride) (i32.const 4)))
              (then
                (local.set $src (local.get $column))
                (block $quadsDone
                  (loop $quadLoop
                    (br_if $quadsDone (i32.gt_u (i32.add (local.get $row) (i32.const 4)) (local.get $k)))
                    ;; Columns 0-3, then 4-7: rows j = $j .. $j + 3 from $r0 .. $r3.
                    (local.set $j (i32.const 0))
                    (loop $halfLoop
                      (local.set $column (i32.add (local.get $src) (i32.mul (local.get $nStride) (local.get $j))))
                      (local.set $r0 (v128.load (local.get $column)))
                      (local.set $column (i32.add (local.get $column) (local.get $nStride)))
                      (local.set $r1 (v128.load (local.get $column)))
                      (local.set $column (i32.add (local.get $column) (local.get $nStride)))
                      (local.set $r2 (v128.load (local.get $column)))
                      (local.set $r3 (v128.load (i32.add (local.get $column) (local.get $nStride))))
                      (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
                      (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
                      (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
                      (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
                      (local.set $column (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))))
                      (v128.store offset=0 (local.get $column) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
                      (v128.store offset=32 (local.get $column) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
                      (v128.store offset=64 (local.get $column) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
                      (v128.store offset=96 (local.get $column) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
                      (local.set $j (i32.add (local.get $j) (i32.const 4)))
                      (br_if $halfLoop (i32.lt_u (local.get $j) (i32.const 8))))
                    (local.set $src (i32.add (local.get $src) (i32.const 16)))
                    (local.set $dst (i32.add (local.get $dst) (i32.const 128)))
                    (local.set $row (i32.add (local.get $row) (i32.const 4)))
                    (br $quadLoop)))
                (local.set $column (local.get $src))))
            ;; Any other panel, and the rows left: one float at a time.
            (block $rowsDone
              (loop $rowLoop
                (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $k)))
                (local.set $src (local.get $column))
                (local.set $j (i32.const 0))
                (block $columnsDone
                  (loop $columnLoop
                    (br_if $columnsDone (i32.ge_u (local.get $j) (i32.const 8)))
                    (f32.store (local.get $dst)
                      (if (result f32) (i32.lt_u (local.get $j) (local.get $nr))
                        (then (f32.load (local.get $src)))
                        (else (f32.const 0))))
                    (local.set $src (i32.add (local.get $src) (local.get $nStride)))
                    (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br $columnLoop)))
                (local.set $column (i32.add (local.get $column) (local.get $kStride)))
                (local.set $row (i32.add (local.get $row) (i32.const 1)))
                (br $rowLoop)))))
        (local.set $n0 (i32.add (local.get $n0) (i32.const 8)))
        (br $panelLoop))))

;; One 4 x 8 tile of C from A[0..mr, 0..kc] . B[0..kc, 0..8] (B's rows
  ;; `bStride` bytes apart: a packed panel's 32, or a narrow B's own): the
  ;; tile's sums stay in eight f32x4 registers while k streams (per k: two
  ;; loads of B's row, four splats of A, eight multiplies, eight adds), from
  ;; zero. `first`: C = start + sums, `start` the 8 floats at `start` (0:
  ;; zeros); otherwise C += sums. Only the rows and columns that exist are
  ;; written: rows past `mr` re-read the last row and columns past `nr` read
  ;; the padding (or past a narrow B's row), both computed and dropped (an
  ;; edge tile goes through `tile`, 32 floats).
  (func $microKernel
    (param $a0 i32) (param $aRowStride i32) (param $aKStride i32) (param $mr i32)
    (param $b i32) (param $bStride i32) (param $kc i32) (param $c i32) (param $cStride i32)
    (param $nr i32) (param $tile i32) (param $first i32) (param $start i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $r i32) (local $j i32)
    (local $in i32) (local $out i32) (local $from i32)
    (local $b0 v128) (local $b1 v128) (local $x v128) (local $s0 v128) (local $s1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $a1 (select (i32.add (local.get $a0) (local.get $aRowStride)) (local.get $a0)
      (i32.gt_u (local.get $mr) (i32.const 1))))
    (local.set $a2 (select (i32.add (local.get $a1) (local.get $aRowStride)) (local.get $a1)
      (i32.gt_u (local.get $mr) (i32.const 2))))
    (local.set $a3 (select (i32.add (local.get $a2) (local.get $aRowStride)) (local.get $a2)
      (i32.gt_u (local.get $mr) (i32.const 3))))
    ;; The accumulators start at zero, as every v128 local does.
    (block $kDone
      (loop $kLoop
        (br_if $kDone (i32.eqz (local.get $kc)))
        (local.set $b0 (v128.load (local.get $b)))
        (local.set $b1 (v128.load offset=16 (local.get $b)))
        (local.set $x (v128.load32_splat (local.get $a0)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0)))) ;; madd
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1)))) ;; madd
        (local.set $x (v128.load32_splat (local.get $a1)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0)))) ;; madd
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1)))) ;; madd
        (local.set $x (v128.load32_splat (local.get $a2)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0)))) ;; madd
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1)))) ;; madd
        (local.set $x (v128.load32_splat (local.get $a3)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0)))) ;; madd
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1)))) ;; madd
        (local.set $a0 (i32.add (local.get $a0) (local.get $aKStride)))
        (local.set $a1 (i32.add (local.get $a1) (local.get $aKStride)))
        (local.set $a2 (i32.add (local.get $a2) (local.get $aKStride)))
        (local.set $a3 (i32.add (local.get $a3) (local.get $aKStride)))
        (local.set $b (i32.add (local.get $b) (local.get $bStride)))
        (local.set $kc (i32.sub (local.get $kc) (i32.const 1)))
        (br $kLoop)))
    ;; The start row (zeros without one), read only for the first k block.
    (if (i32.and (local.get $first) (i32.ne (local.get $start) (i32.const 0)))
      (then
        (if (i32.eq (local.get $nr) (i32.const 8))
          (then
            (local.set $s0 (v128.load (local.get $start)))
            (local.set $s1 (v128.load offset=16 (local.get $start))))
          (else
            ;; An edge panel's start: only its columns (the bias ends there).
            (block $startDone
              (loop $startLoop
                (br_if $startDone (i32.ge_u (local.get $j) (local.get $nr)))
                (f32.store (i32.add (local.get $tile) (i32.shl (local.get $j) (i32.const 2)))
                  (f32.load (i32.add (local.get $start) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $startLoop)))
            (local.set $s0 (v128.load (local.get $tile)))
            (local.set $s1 (v128.load offset=16 (local.get $tile)))))))
    (local.set $out (local.get $c))
    (if (i32.and (i32.eq (local.get $mr) (i32.const 4)) (i32.eq (local.get $nr) (i32.const 8)))
      (then
        ;; A whole tile: straight from the registers.
        (v128.store (local.get $out)
          (f32x4.add (select (local.get $s0) (v128.load (local.get $out)) (local.get $first)) (local.get $c00)))
        (v128.store offset=16 (local.get $out)
          (f32x4.add (select (local.get $s1) (v128.load offset=16 (local.get $out)) (local.get $first)) (local.get $c01)))
        (local.set $out (i32.add (local.get $out) (local.get $cStride)))
        (v128.store (local.get $out)
          (f32x4.add (select (local.get $s0) (v128.load (local.get $out)) (local.get $first)) (local.get $c10)))
        (v128.store offset=16 (local.get $out)
          (f32x4.add (select (local.get $s1) (v128.load offset=16 (local.get $out)) (local.get $first)) (local.get $c11)))
        (local.set $out (i32.add (local.get $out) (local.get $cStride)))
        (v128.store (local.get $out)
          (f32x4.add (select (local.get $s0) (v128.load (local.get $out)) (local.get $first)) (local.get $c20)))
        (v128.store offset=16 (local.get $out)
          (f32x4.add (select (local.get $s1) (v128.load offset=16 (local.get $out)) (local.get $first)) (local.get $c21)))
        (local.set $out (i32.add (local.get $out) (local.get $cStride)))
        (v128.store (local.get $out)
          (f32x4.add (select (local.get $s0) (v128.load (local.get $out)) (local.get $first)) (local.get $c30)))
        (v128.store offset=16 (local.get $out)
          (f32x4.add (select (local.get $s1) (v128.load offset=16 (local.get $out)) (local.get $first)) (local.get $c31)))
        (return)))
    (v128.store offset=0 (local.get $tile) (local.get $c00))
    (v128.store offset=16 (local.get $tile) (local.get $c01))
    (v128.store offset=32 (local.get $tile) (local.get $c10))
    (v128.store offset=48 (local.get $tile) (local.get $c11))
    (v128.store offset=64 (local.get $tile) (local.get $c20))
    (v128.store offset=80 (local.get $tile) (local.get $c21))
    (v128.store offset=96 (local.get $tile) (local.get $c30))
    (v128.store offset=112 (local.get $tile) (local.get $c31))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $mr)))
        (local.set $in (i32.add (local.get $tile) (i32.shl (local.get $r) (i32.const 5))))
        (local.set $out (local.get $c))
        (local.set $j (i32.const 0))
        ;; Four columns at a time, then one at a time.
        (if (i32.ge_u (local.get $nr) (i32.const 4))
          (then
            (v128.store (local.get $out)
              (f32x4.add (select (local.get $s0) (v128.load (local.get $out)) (local.get $first))
                (v128.load (local.get $in))))
            (local.set $j (i32.const 4))))
        (if (i32.eq (local.get $nr) (i32.const 8))
          (then
            (v128.store offset=16 (local.get $out)
              (f32x4.add (select (local.get $s1) (v128.load offset=16 (local.get $out)) (local.get $first))
                (v128.load offset=16 (local.get $in))))
            (local.set $j (i32.const 8))))
        (block $columnsDone
          (loop $columnLoop
            (br_if $columnsDone (i32.ge_u (local.get $j) (local.get $nr)))
            (local.set $from (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
            (f32.store (local.get $from)
              (f32.add
                (if (result f32) (local.get $first)
                  (then
                    (if (result f32) (local.get $start)
                      (then (f32.load (i32.add (local.get $start) (i32.shl (local.get $j) (i32.const 2)))))
                      (else (f32.const 0))))
                  (else (f32.load (local.get $from))))
                (f32.load (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columnLoop)))
        (local.set $c (i32.add (local.get $c) (local.get $cStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))
)
