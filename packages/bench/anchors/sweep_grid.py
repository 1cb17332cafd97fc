"""PyTorch reference for the sweep-grid benchmark: the notebook's own code (its
Dataset, DataLoader and learning loop with validation) run over the same grid
as `epochlab sweep`, one run after another, in one process.

usage: /usr/bin/python3 sweep_grid.py [--epochs 2000] [--full | --seeds N]
grid: lr in LRS x momentum in MOMENTA (36 configurations), each run with
torch.manual_seed(seed), line m=1 b=0, n=5 + 5 validation points, sigma 0.2,
range 1, batch 5, shuffle, L1, SGD, validation every 10 epochs.

By default it runs a sample of the grid: every configuration with seed 0 only
(36 of the 288 runs), so that it ends in about a minute instead of seven. Every
run does the same work per epoch (same data size, same network, same batches),
whatever its learning rate, momentum or seed, so the sample's run-epochs/s is
the whole grid's. `--full` runs all 8 seeds of every configuration; `--seeds N`
runs N.
Prints one JSON line: sample, configurations, runs, epochs, seconds, run_epochs_per_s.
"""
import json, sys, time, torch
from torch.utils.data import Dataset, DataLoader

LRS = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2]
MOMENTA = [0, 0.3, 0.6, 0.8, 0.9, 0.95]

def get_data_from_a_line(m, b, n, sigma, range):
    x = 2*range*torch.rand(n)-range
    y = m*x + b
    nx = torch.normal(torch.zeros_like(y), sigma*torch.ones_like(y))
    ny = torch.normal(torch.zeros_like(y), sigma*torch.ones_like(y))
    return x+nx, y+ny

class XYDataset(Dataset):  # the notebook's Dataset
    def __init__(self, x, y): self.x, self.y = x, y
    def __len__(self): return self.x.numel()
    def __getitem__(self, idx): return torch.tensor([self.x[idx]]), torch.tensor([self.y[idx]])

def model():
    return torch.nn.Sequential(
        torch.nn.Linear(1,12), torch.nn.LeakyReLU(), torch.nn.Linear(12,12), torch.nn.LeakyReLU(),
        torch.nn.Linear(12,16), torch.nn.LeakyReLU(), torch.nn.Linear(16,1))

def loop(dl, net, epochs, loss_fn, opt, val_dl, val_every=10):
    train, val = [], []
    for epoch in range(epochs):
        steps = []
        for xb, yb in dl:
            pred = net(xb); opt.zero_grad(); loss = loss_fn(pred, yb); loss.backward()
            steps.append(loss.clone().detach()); opt.step()
        train.append(torch.tensor(steps).mean())
        if epoch % val_every == 0:
            vs = []
            with torch.no_grad():
                for xv, yv in val_dl:
                    vs.append(loss_fn(net(xv), yv))
            val.append(torch.tensor(vs).mean())
    return train, val

def arg(name, default):
    return int(sys.argv[sys.argv.index(name)+1]) if name in sys.argv else default

FULL_SEEDS = 8

def main():
    epochs = arg("--epochs", 2000)
    seeds = FULL_SEEDS if "--full" in sys.argv else arg("--seeds", 1)
    t0 = time.perf_counter()
    best = []
    for lr in LRS:
        for momentum in MOMENTA:
            for seed in range(seeds):
                torch.manual_seed(seed)
                x, y = get_data_from_a_line(1, 0, 5, 0.2, 1)
                vx, vy = get_data_from_a_line(1, 0, 5, 0.2, 1)
                net = model()
                opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
                dl = DataLoader(XYDataset(x, y), batch_size=5, shuffle=True)
                val_dl = DataLoader(XYDataset(vx, vy), batch_size=5)
                _, val = loop(dl, net, epochs, torch.nn.L1Loss(), opt, val_dl)
                best.append(float(min(val)))
    t = time.perf_counter() - t0
    configurations = len(LRS) * len(MOMENTA)
    runs = configurations * seeds
    sample = ("the whole grid" if seeds >= FULL_SEEDS else
              f"every configuration, seeds 0-{seeds-1} ({runs} of {configurations*FULL_SEEDS} runs)"
              if seeds > 1 else
              f"every configuration, seed 0 only ({runs} of {configurations*FULL_SEEDS} runs)")
    print(json.dumps(dict(workload="sweep-grid", sample=sample, configurations=configurations, runs=runs,
        epochs=epochs, seconds=round(t, 3), run_epochs_per_s=runs*epochs/t,
        torch=torch.__version__, threads=torch.get_num_threads())))

if __name__ == "__main__":
    main()
