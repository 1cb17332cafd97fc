"""PyTorch reading the benchmark's CSV the usual way, for `pnpm bench`'s own-data section.

numpy reads the file into float32 arrays (np.loadtxt), a TensorDataset and a shuffled
DataLoader(batch_size=1024) feed one epoch of the notebook's MLP (1-12-12-16-1, LeakyReLU,
L1 loss, SGD lr 1e-3). Prints one JSON line: rows, read seconds, epoch seconds, peak RSS.
Usage: /usr/bin/python3 csv_reference.py FILE
"""
import json
import resource
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
torch.set_num_threads(1)
path = sys.argv[1]

start = time.perf_counter()
table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
x = torch.from_numpy(table[:, :1].copy())
y = torch.from_numpy(table[:, 1:].copy())
read_seconds = time.perf_counter() - start

model = nn.Sequential(
    nn.Linear(1, 12), nn.LeakyReLU(),
    nn.Linear(12, 12), nn.LeakyReLU(),
    nn.Linear(12, 16), nn.LeakyReLU(),
    nn.Linear(16, 1),
)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
loss_fn = nn.L1Loss()
loader = DataLoader(TensorDataset(x, y), batch_size=1024, shuffle=True)
start = time.perf_counter()
for xb, yb in loader:
    optimizer.zero_grad()
    loss = loss_fn(model(xb), yb)
    loss.backward()
    optimizer.step()
epoch_seconds = time.perf_counter() - start

print(json.dumps({
    "rows": int(table.shape[0]),
    "readSeconds": read_seconds,
    "epochSeconds": epoch_seconds,
    "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
