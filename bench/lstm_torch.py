"""PyTorch peer of LstmBench.java: the same shapes, the same output lines (train ... tokens/s, sample ... ms/token,
gemm N GFLOP/s). Embedding 64, LSTM layers, linear output, cross-entropy, Adam with global-norm clipping 5."""
import sys
import time

import torch

torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
torch.manual_seed(1)
EMBEDDING = 64


class TokenLstm(torch.nn.Module):
    def __init__(self, vocabulary, hidden, layers):
        super().__init__()
        self.embed = torch.nn.Embedding(vocabulary, EMBEDDING)
        self.lstm = torch.nn.LSTM(EMBEDDING, hidden, layers, batch_first=True)
        self.out = torch.nn.Linear(hidden, vocabulary)

    def forward(self, tokens, state=None):
        y, state = self.lstm(self.embed(tokens), state)
        return self.out(y), state


def timed_steps(model, optimiser, tokens, targets, count):
    start = time.perf_counter()
    for _ in range(count):
        optimiser.zero_grad()
        logits, _ = model(tokens)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimiser.step()
    return time.perf_counter() - start


def train(layers, hidden, vocabulary, steps, batch, seconds):
    model = TokenLstm(vocabulary, hidden, layers)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    tokens = torch.randint(vocabulary, (batch, steps))
    targets = torch.randint(vocabulary, (batch, steps))
    timed_steps(model, optimiser, tokens, targets, 3)
    count = 3
    took = timed_steps(model, optimiser, tokens, targets, count)
    while took < seconds / 4:
        count *= 2
        took = timed_steps(model, optimiser, tokens, targets, count)
    print(f"train {layers} {hidden} {vocabulary} {steps} {batch} {count * batch * steps / took:.1f}", flush=True)


@torch.no_grad()
def sample(layers, hidden, vocabulary, seconds):
    model = TokenLstm(vocabulary, hidden, layers).eval()
    token = torch.zeros((1, 1), dtype=torch.long)
    state = None

    def step(token, state):
        logits, state = model(token, state)
        probabilities = torch.softmax(logits[0, -1], dim=-1)
        return torch.multinomial(probabilities, 1).view(1, 1), state

    for _ in range(200):
        token, state = step(token, state)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds / 4:
        token, state = step(token, state)
        count += 1
    print(f"sample {layers} {hidden} {vocabulary} {(time.perf_counter() - start) * 1000 / count:.4f}", flush=True)


def gemm(n):
    a, b = torch.rand(n, n), torch.rand(n, n)
    for _ in range(3):
        a @ b
    reps = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2:
        a @ b
        reps += 1
    print(f"gemm {n} {2 * n ** 3 * reps / (time.perf_counter() - start) / 1e9:.1f}", flush=True)


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    train(2, 256, 130, 64, 32, seconds)
    train(3, 512, 388, 128, 64, seconds)
    sample(3, 512, 388, seconds)
    gemm(1024)
