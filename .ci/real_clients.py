"""Checks what real clients made of muse4j's files (run by .ci/real-clients with Debian's python3 and python3-mido).

Usage: real_clients.py midi FILE.mid NOTES SECONDS   mido reads the notes and length muse4j counted
       real_clients.py wav FILE.wav SECONDS          FluidSynth's rendering sounds and lasts the piece
       real_clients.py musicxml FILE.musicxml NOTES  MuseScore's score has the notes (tied continuations aside)
       real_clients.py same-pitches A.mid B.mid      two MIDI files play the same pitches in the same order
Prints nothing and exits 0 when the check holds; otherwise one line on stderr naming the file, and exit 1.
"""
import sys
import wave
import xml.etree.ElementTree as ElementTree

import mido


def fail(path, message):
    sys.stderr.write(f"real clients: {path}: {message}\n")
    sys.exit(1)


def sounding(path):
    """(start in seconds, pitch) of every note-on of a MIDI file, in time order, lowest pitch first at a time."""
    notes, now = [], 0.0
    for message in mido.MidiFile(path):
        now += message.time
        if message.type == "note_on" and message.velocity > 0:
            notes.append((round(now, 4), message.note))
    return sorted(notes)


def check_midi(path, notes, seconds):
    found = len(sounding(path))
    if found != int(notes):
        fail(path, f"mido reads {found} notes, muse4j {notes}")
    length = mido.MidiFile(path).length
    if abs(length - float(seconds)) > 0.01:
        fail(path, f"mido reads {length:.3f} s, muse4j {float(seconds):.3f} s")


def check_wav(path, seconds):
    with wave.open(path) as audio:
        frames = audio.readframes(audio.getnframes())
        length = audio.getnframes() / audio.getframerate()
    if length < float(seconds):
        fail(path, f"FluidSynth rendered {length:.3f} s of a {float(seconds):.3f} s piece")
    if not any(frames):
        fail(path, "FluidSynth rendered silence")


def check_musicxml(path, notes):
    found = 0
    for note in ElementTree.parse(path).getroot().iter("note"):
        continued = any(tie.get("type") == "stop" for tie in note.iter("tie"))
        if note.find("pitch") is not None and not continued:
            found += 1
    if found != int(notes):
        fail(path, f"MuseScore's score has {found} notes, muse4j wrote {notes}")


def check_same_pitches(first, second):
    a = [pitch for _, pitch in sounding(first)]
    b = [pitch for _, pitch in sounding(second)]
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        fail(second, f"plays {len(b)} notes against {len(a)} of {first}, first differing at note {at + 1}")


if __name__ == "__main__":
    checks = {"midi": check_midi, "wav": check_wav, "musicxml": check_musicxml, "same-pitches": check_same_pitches}
    try:
        checks[sys.argv[1]](*sys.argv[2:])
    except (OSError, EOFError, ValueError, ElementTree.ParseError, wave.Error) as e:
        fail(sys.argv[2], f"{sys.argv[1]} could not be read: {e}")
