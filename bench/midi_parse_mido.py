"""Parses every MIDI file under a folder with mido; prints 'files seconds notes' for the best of N passes."""
import pathlib
import sys
import time

import mido


def parse_all(files):
    notes = 0
    for f in files:
        for track in mido.MidiFile(f).tracks:
            for msg in track:
                if msg.type == 'note_on' and msg.velocity > 0:
                    notes += 1
    return notes


def main():
    root = pathlib.Path(sys.argv[1])
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    files = sorted(str(p) for p in root.rglob('*') if p.suffix.lower() in ('.mid', '.midi'))
    best = float('inf')
    notes = 0
    for _ in range(passes):
        start = time.perf_counter()
        notes = parse_all(files)
        best = min(best, time.perf_counter() - start)
    print(len(files), f'{best:.4f}', notes)


if __name__ == '__main__':
    main()
