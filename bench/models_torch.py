"""PyTorch peer of ModelBench.java: the same models and shapes, the same output lines. LSTM: embedding 64, LSTM
layers, linear output (train ... tokens/s, sample ... ms/token). Transformer: a decoder-only transformer with pre-norm
blocks of causal multi-head self-attention with per-head relative position embeddings computed with the skew of
Huang et al. 2018, a ReLU feed-forward layer, a final layer norm and a linear output (tf-train ... tokens/s,
tf-sample ... ms/token by whole forward passes: this peer has no key/value cache). Both: cross-entropy, Adam with
global-norm clipping 5; gemm N GFLOP/s. Usage: models_torch.py SECONDS THREADS PARTS (comma-separated)."""
import math
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


def train_lstm(layers, hidden, vocabulary, steps, batch, seconds):
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
def sample_lstm(layers, hidden, vocabulary, seconds):
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


class RelativeAttention(torch.nn.Module):
    def __init__(self, width, heads, max_relative):
        super().__init__()
        self.heads, self.d, self.span = heads, width // heads, max_relative
        self.qkv = torch.nn.Linear(width, 3 * width)
        self.out = torch.nn.Linear(width, width)
        self.relative = torch.nn.Parameter(torch.randn(heads, max_relative, self.d) / math.sqrt(self.d))

    def forward(self, x):
        b, t, w = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, self.d).permute(2, 0, 3, 1, 4)   # each (B, H, T, d)
        # embeddings ordered by distance t-1 .. 0, zero beyond the learned span
        ordered = torch.zeros(self.heads, t, self.d)
        n = min(t, self.span)
        ordered[:, t - n:] = self.relative[:, :n].flip(1)
        by_distance = torch.einsum("bhtd,hcd->bhtc", q, ordered)
        skewed = torch.nn.functional.pad(by_distance, (1, 0)).reshape(b, self.heads, t + 1, t)[:, :, 1:]
        logits = (q @ k.transpose(-1, -2) + skewed) / math.sqrt(self.d)
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        weights = torch.softmax(logits.masked_fill(mask, float("-inf")), dim=-1)
        return self.out((weights @ v).transpose(1, 2).reshape(b, t, w))


class Block(torch.nn.Module):
    def __init__(self, width, heads, feed_forward, max_relative):
        super().__init__()
        self.norm1, self.norm2 = torch.nn.LayerNorm(width), torch.nn.LayerNorm(width)
        self.attention = RelativeAttention(width, heads, max_relative)
        self.ff = torch.nn.Sequential(torch.nn.Linear(width, feed_forward), torch.nn.ReLU(),
                                      torch.nn.Linear(feed_forward, width))

    def forward(self, x):
        x = x + self.attention(self.norm1(x))
        return x + self.ff(self.norm2(x))


class MusicTransformer(torch.nn.Module):
    def __init__(self, layers, width, heads, feed_forward, vocabulary, max_relative):
        super().__init__()
        self.embed = torch.nn.Embedding(vocabulary, width)
        self.blocks = torch.nn.ModuleList(Block(width, heads, feed_forward, max_relative) for _ in range(layers))
        self.norm = torch.nn.LayerNorm(width)
        self.out = torch.nn.Linear(width, vocabulary)

    def forward(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)
        return self.out(self.norm(x)), None


def train_transformer(layers, width, heads, feed_forward, vocabulary, steps, batch, seconds):
    model = MusicTransformer(layers, width, heads, feed_forward, vocabulary, steps)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-4)
    tokens = torch.randint(vocabulary, (batch, steps))
    targets = torch.randint(vocabulary, (batch, steps))
    timed_steps(model, optimiser, tokens, targets, 2)
    count = 2
    took = timed_steps(model, optimiser, tokens, targets, count)
    while took < seconds / 4:
        count *= 2
        took = timed_steps(model, optimiser, tokens, targets, count)
    print(f"tf-train {layers} {width} {heads} {feed_forward} {vocabulary} {steps} {batch} "
          f"{count * batch * steps / took:.1f}", flush=True)


@torch.no_grad()
def sample_transformer(layers, width, heads, feed_forward, vocabulary, context, seconds):
    """Whole forward passes over the last `context` tokens (this peer has no key/value cache)."""
    model = MusicTransformer(layers, width, heads, feed_forward, vocabulary, context).eval()
    window = torch.randint(vocabulary, (1, context))
    model(window)
    count = 0
    start = time.perf_counter()
    while True:
        probabilities = torch.softmax(model(window)[0][0, -1], dim=-1)
        token = torch.multinomial(probabilities, 1).view(1, 1)
        window = torch.cat([window[:, 1:], token], dim=1)
        count += 1
        if time.perf_counter() - start >= seconds / 4:
            break
    print(f"tf-sample {layers} {width} {vocabulary} {context} uncached {(time.perf_counter() - start) * 1000 / count:.4f}",
          flush=True)


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
    parts = sys.argv[3].split(",") if len(sys.argv) > 3 else ["lstm-small", "lstm-large", "lstm-sample", "gemm"]
    if "lstm-small" in parts:
        train_lstm(2, 256, 130, 64, 32, seconds)
    if "lstm-large" in parts:
        train_lstm(3, 512, 388, 128, 64, seconds)
    if "lstm-sample" in parts:
        sample_lstm(3, 512, 388, seconds)
    if "tf-train" in parts:
        train_transformer(4, 256, 8, 1024, 388, 256, 16, seconds)
        train_transformer(6, 512, 8, 2048, 388, 512, 8, seconds)
    if "tf-sample" in parts:
        sample_transformer(6, 512, 8, 2048, 388, 1024, seconds)
    if "gemm" in parts:
        gemm(1024)
