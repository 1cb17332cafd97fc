;; A dense MLP's forward and backward pass (see ../fused-mlp-kernel.ts and
;; ../javascript-workspace.ts, which this module computes bit for bit): float32
;; arrays at byte addresses of the exported memory, kernels [fanIn, fanOut]
;; row-major. Every matrix-product element is one sum in double precision, in
;; the same order as the JavaScript functions of ../dense-layer-ops.ts add;
;; SIMD lanes hold different elements' sums, never parts of one sum, so the
;; order of each sum does not change. A float32 result is rounded once
;; (f32.demote, or a float32 operation on float32 values), as storing a
;; JavaScript number into a Float32Array rounds.
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
  (memory (export "memory") 1)

  ;; float32(0.01), the slope of leakyRelu below zero.
  (global $slope f32 (f32.const 0.01))

  ;; Runs the network on `rows` rows of the first layer's input.
  (func (export "forward")
    (param $table i32) (param $layers i32) (param $rows i32) (param $activation i32)
    (local $layer i32) (local $last i32) (local $fanOut i32)
    (local.set $last (i32.sub (local.get $layers) (i32.const 1)))
    (block $done
      (loop $layerLoop
        (br_if $done (i32.ge_u (local.get $layer) (local.get $layers)))
        (local.set $fanOut (i32.load offset=4 (local.get $table)))
        (call $denseForward
          (i32.load offset=8 (local.get $table)) (local.get $rows)
          (i32.load (local.get $table)) (local.get $fanOut)
          (i32.load offset=12 (local.get $table)) (i32.load offset=16 (local.get $table))
          (i32.load offset=20 (local.get $table)))
        (if (i32.lt_u (local.get $layer) (local.get $last))
          (then
            (call $activate (local.get $activation)
              (i32.load offset=20 (local.get $table)) (i32.load offset=24 (local.get $table))
              (i32.mul (local.get $rows) (local.get $fanOut)))))
        (local.set $table (i32.add (local.get $table) (i32.const 40)))
        (local.set $layer (i32.add (local.get $layer) (i32.const 1)))
        (br $layerLoop))))

  ;; Backpropagates the last layer's deltas (d loss / d outputs, written by the
  ;; caller) through the network, after `forward` on the same rows: every
  ;; layer's kernel and bias gradients, and the deltas of the layers below.
  ;; `scratch` holds as many floats as the largest kernel (see $inputGradient).
  (func (export "backward")
    (param $table i32) (param $layers i32) (param $rows i32) (param $activation i32)
    (param $scratch i32)
    (local $entry i32) (local $below i32) (local $fanIn i32) (local $fanOut i32) (local $delta i32)
    (local.set $entry (i32.add (local.get $table) (i32.mul (i32.sub (local.get $layers) (i32.const 1)) (i32.const 40))))
    (block $done
      (loop $layerLoop
        (br_if $done (i32.lt_s (local.get $entry) (local.get $table)))
        (local.set $fanIn (i32.load (local.get $entry)))
        (local.set $fanOut (i32.load offset=4 (local.get $entry)))
        (local.set $delta (i32.load offset=28 (local.get $entry)))
        (call $kernelGradient
          (i32.load offset=8 (local.get $entry)) (local.get $delta) (local.get $rows)
          (local.get $fanIn) (local.get $fanOut) (i32.load offset=32 (local.get $entry)))
        (call $biasGradient
          (local.get $delta) (local.get $rows) (local.get $fanOut) (i32.load offset=36 (local.get $entry)))
        (if (i32.gt_u (local.get $entry) (local.get $table))
          (then
            (local.set $below (i32.sub (local.get $entry) (i32.const 40)))
            (call $inputGradient
              (local.get $delta) (local.get $rows) (local.get $fanIn) (local.get $fanOut)
              (i32.load offset=12 (local.get $entry)) (i32.load offset=28 (local.get $below))
              (local.get $scratch))
            (call $backpropagateActivation (local.get $activation)
              (i32.load offset=28 (local.get $below)) (i32.load offset=20 (local.get $below))
              (i32.load offset=24 (local.get $below)) (i32.mul (local.get $rows) (local.get $fanIn)))))
        (local.set $entry (i32.sub (local.get $entry) (i32.const 40)))
        (br $layerLoop))))

  ;; activations[k] = activation(preActivations[k]) for k < count, one loop per
  ;; activation, as each activation's `forward` in @epochlab/models computes it.
  (func $activate
    (param $activation i32) (param $pre i32) (param $out i32) (param $count i32)
    (local $end i32) (local $x f32)
    (local.set $end (i32.add (local.get $pre) (i32.shl (local.get $count) (i32.const 2))))
    (block $linear
      (block $sigmoid
        (block $tanh
          (block $relu
            (block $leakyRelu
              (br_table $leakyRelu $relu $tanh $sigmoid $linear (local.get $activation)))
            ;; leakyRelu: x < 0 ? slope x : x
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
    ;; linear: x
    (loop $linearLoop
      (if (i32.lt_u (local.get $pre) (local.get $end))
        (then
          (f32.store (local.get $out) (f32.load (local.get $pre)))
          (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
          (local.set $out (i32.add (local.get $out) (i32.const 4)))
          (br $linearLoop)))))

  ;; delta[k] *= activation'(...) in place for k < count, one loop per
  ;; activation, as each activation's `backward` in @epochlab/models computes it.
  (func $backpropagateActivation
    (param $activation i32) (param $delta i32) (param $pre i32) (param $act i32) (param $count i32)
    (local $end i32) (local $d f32) (local $x f32) (local $y f32)
    (local.set $end (i32.add (local.get $delta) (i32.shl (local.get $count) (i32.const 2))))
    (block $linear
      (block $sigmoid
        (block $tanh
          (block $relu
            (block $leakyRelu
              (br_table $leakyRelu $relu $tanh $sigmoid $linear (local.get $activation)))
            ;; leakyRelu: x > 0 ? 1 : slope
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

  ;; gradients[o] = round32(sum_row delta[row, o])
  (func $biasGradient
    (param $delta i32) (param $rows i32) (param $fanOut i32) (param $gradients i32)
    (local $o i32) (local $row i32) (local $d i32) (local $stride i32)
    (local $a v128) (local $b v128) (local $d4 v128) (local $s f64)
    (local.set $stride (i32.shl (local.get $fanOut) (i32.const 2)))
    (block $quadsDone
      (loop $quadLoop
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $o) (i32.const 4)) (local.get $fanOut)))
        (local.set $a (f64x2.splat (f64.const 0)))
        (local.set $b (f64x2.splat (f64.const 0)))
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
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $quadLoop)))
    (block $restDone
      (loop $restLoop
        (br_if $restDone (i32.ge_u (local.get $o) (local.get $fanOut)))
        (local.set $s (f64.const 0))
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
)
