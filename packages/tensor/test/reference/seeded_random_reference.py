"""Independent reference for SeededRandom's known-answer test.

Re-implements, from the published algorithms and in 64-bit arithmetic, what
@epochlab/tensor documents: cyrb128 -> xoroshiro128+ (24, 16, 37) state, 32-bit
draws (the low half of each 64-bit output), genrand_res53 uniforms, Box-Muller
normals and Fisher-Yates with pure-rand's rejection sampling. Prints JSON.

usage: python3 seeded_random_reference.py
"""
import json, math

M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF

def imul(a, b):
    return (a * b) & M32

def cyrb128(text):
    h1, h2, h3, h4 = 1779033703, 3144134277, 1013904242, 2773480762
    for ch in text:
        k = ord(ch)
        h1 = h2 ^ imul(h1 ^ k, 597399067)
        h2 = h3 ^ imul(h2 ^ k, 2869860233)
        h3 = h4 ^ imul(h3 ^ k, 951274213)
        h4 = h1 ^ imul(h4 ^ k, 2716044179)
    h1 = imul(h3 ^ (h1 >> 18), 597399067)
    h2 = imul(h4 ^ (h2 >> 22), 2869860233)
    h3 = imul(h1 ^ (h3 >> 17), 951274213)
    h4 = imul(h2 ^ (h4 >> 19), 2716044179)
    h1 ^= h2 ^ h3 ^ h4
    h2 ^= h1
    h3 ^= h1
    h4 ^= h1
    return h1 & M32, h2 & M32, h3 & M32, h4 & M32

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64

class Xoroshiro128Plus:
    # The hashed words (w0, w1, w2, w3) are the high and low halves of s0 and s1.
    def __init__(self, words):
        w0, w1, w2, w3 = words
        self.s0 = (w0 << 32) | w1
        self.s1 = (w2 << 32) | w3

    def next_uint32(self):
        result = (self.s0 + self.s1) & M64
        s1 = self.s1 ^ self.s0
        self.s0 = rotl(self.s0, 24) ^ s1 ^ ((s1 << 16) & M64)
        self.s1 = rotl(s1, 37)
        return result & M32

class Reference:
    def __init__(self, seed, path=''):
        self.g = Xoroshiro128Plus(cyrb128(f'epochlab:{seed}:{path}'))
        self.spare = None

    def uniform(self):
        a = self.g.next_uint32() >> 5
        b = self.g.next_uint32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        u1 = 1 - self.uniform()
        u2 = self.uniform()
        r = math.sqrt(-2 * math.log(u1))
        self.spare = r * math.sin(2 * math.pi * u2)
        return r * math.cos(2 * math.pi * u2)

    def int_below(self, size):
        limit = (2**32 // size) * size if size > 2 else 2**32
        while True:
            # pure-rand maps the signed 32-bit draw to [0, 2^32) by adding 2^31
            signed = self.g.next_uint32()
            signed = signed - 2**32 if signed >= 2**31 else signed
            v = signed + 2**31
            if v < limit:
                return v % size

    def permutation(self, n):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.int_below(i + 1)
            order[i], order[j] = order[j], order[i]
        return order

bits = Reference(42)
uniform = Reference(42)
normal = Reference(42)
print(json.dumps({
    'seed': 42,
    'uint32': [bits.g.next_uint32() for _ in range(4)],
    'uniform': [uniform.uniform() for _ in range(4)],
    'normal': [normal.normal() for _ in range(4)],
    'permutation10': Reference(42).permutation(10),
    'dataStreamUniform': Reference(42, 'data').uniform(),
    'nestedStreamUniform': Reference(42, 'shuffle/epoch-3').uniform(),
}, indent=2))
