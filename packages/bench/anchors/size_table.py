"""PyTorch reference for the bench's size table: one network, data size and batch size,
trained with PyTorch's fastest plain loop (the data as two tensors, a fresh
torch.randperm order every epoch, batches sliced from it: no Dataset/DataLoader overhead).

usage: /usr/bin/python3 size_table.py --hidden 32,32 --n 10000 --batch 32 --epochs 2
                                      [--threads N]   (default: PyTorch's and its BLAS's own)
model: Linear(1,h1), LeakyReLU, ..., Linear(hk,1) (PyTorch's default init); data: the line
y = x on [-1, 1] with noise sigma 0.2 on x and y, torch.manual_seed(0); L1 loss, SGD lr 1e-3.
Prints one JSON line: threads (torch's intra-op threads), blas_threads (the BLAS library's own
pool, see below), seconds (the training loop only), samples_per_s, final_train, peak_rss_mb
(the process's), blas (the BLAS libraries the process has loaded after its matmuls, resolved:
see blas_info.py).

Why --threads sets the BLAS too: Debian's python3-torch hands its matrix products to the
system's libblas.so.3, and OpenBLAS runs them on a thread pool of its own, one thread per core,
whatever torch.set_num_threads says (on a 2-core VM, torch's default of one intra-op thread
trained two layers of 1024 with 7.3 s of CPU time in 4.2 s). So --threads N sets
OPENBLAS_NUM_THREADS, MKL_NUM_THREADS, BLIS_NUM_THREADS and OMP_NUM_THREADS to N before torch
loads, as well as torch.set_num_threads(N); without it both keep their defaults, which is what
`import torch` gives a user.

Why blas: with only the netlib *reference* BLAS installed (torch.__config__.show() says
BLAS_INFO=generic either way) PyTorch's wide matrix products run 4-20x slower than with
OpenBLAS (apt-get install libopenblas0-pthread), which makes PyTorch look slow, not epochlab
fast. The script refuses nothing; it says which one ran.
"""
import argparse, json, os, resource, time

parser = argparse.ArgumentParser()
parser.add_argument('--hidden', required=True)
parser.add_argument('--n', type=int, required=True)
parser.add_argument('--batch', type=int, required=True)
parser.add_argument('--epochs', type=int, required=True)
parser.add_argument('--threads', type=int)
args = parser.parse_args()
if args.threads is not None:
    # The libraries read these once, as they load: before `import torch`.
    for name in ('OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS', 'OMP_NUM_THREADS'):
        os.environ[name] = str(args.threads)

import torch  # noqa: E402 (after the thread variables)

from blas_info import blas_threads, loaded_blas  # noqa: E402 (this folder's)

if args.threads is not None:
    torch.set_num_threads(args.threads)


torch.manual_seed(0)
x = 2 * torch.rand(args.n) - 1
y = x.clone()
x = (x + 0.2 * torch.randn(args.n)).unsqueeze(1)
y = (y + 0.2 * torch.randn(args.n)).unsqueeze(1)

widths = [1] + [int(w) for w in args.hidden.split(',')] + [1]
layers = []
for k in range(len(widths) - 1):
    layers.append(torch.nn.Linear(widths[k], widths[k + 1]))
    if k < len(widths) - 2:
        layers.append(torch.nn.LeakyReLU())
model = torch.nn.Sequential(*layers)
loss_fn = torch.nn.L1Loss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

started = time.perf_counter()
for epoch in range(args.epochs):
    order = torch.randperm(args.n)
    total, batches = 0.0, 0
    for start in range(0, args.n, args.batch):
        index = order[start:start + args.batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
        total += loss.item()
        batches += 1
seconds = time.perf_counter() - started
print(json.dumps({
    'threads': torch.get_num_threads(),
    'blas_threads': blas_threads(loaded_blas()),
    'seconds': seconds,
    'samples_per_s': args.n * args.epochs / seconds,
    'final_train': total / batches,
    'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'blas': loaded_blas(),
}))
