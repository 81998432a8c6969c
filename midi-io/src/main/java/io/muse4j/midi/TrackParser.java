package io.muse4j.midi;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses the events of one track chunk into a {@link ScoreCollector}, pairing note-ons with note-offs. */
final class TrackParser {
    /** Fastest tempo accepted: 10,000 quarter notes per minute. */
    static final int MIN_MICROS_PER_QUARTER = 6000;

    private final ByteCursor in;
    private final ScoreCollector score;
    private final int track;
    private final int[] program = new int[16];
    /** Open notes per (channel, pitch) as a FIFO ring of {onset, velocity, program}; created when first used. */
    private final OpenNotes[] open = new OpenNotes[16 * 128];
    private boolean named;
    private long tick;

    TrackParser(ByteCursor in, ScoreCollector score, int track) {
        this.in = in;
        this.score = score;
        this.track = track;
    }

    void parse() throws MidiFormatException {
        int running = 0;
        while (in.remaining() > 0) {
            tick += in.vlq("delta time");
            int at = in.pos();
            int status = in.u8("event");
            if (status < 0x80) {
                if (running == 0) {
                    throw in.error(at, String.format("data byte 0x%02X with no running status to continue", status));
                }
                in.seek(at);
                status = running;
            }
            if (status < 0xF0) {
                running = status;
                channelEvent(status, at);
            } else if (status == 0xFF) {
                running = 0;
                if (metaEvent(at)) {
                    break;
                }
            } else if (status == 0xF0 || status == 0xF7) {
                running = 0;
                in.skip(in.vlq("sysex length"), "sysex data");
            } else {
                throw in.error(at, String.format("status byte 0x%02X is not allowed in a MIDI file", status));
            }
        }
        closeOpenNotes();
    }

    private void channelEvent(int status, int at) throws MidiFormatException {
        int channel = status & 0x0F;
        int type = status & 0xF0;
        int a = data(at);
        int b = type == 0xC0 || type == 0xD0 ? 0 : data(at);
        switch (type) {
            case 0x90 -> {
                if (b == 0) {
                    noteOff(channel, a);
                } else {
                    score.noteStarted(in, at);
                    opened(channel, a).add(tick, b, program[channel]);
                }
            }
            case 0x80 -> noteOff(channel, a);
            case 0xB0 -> {
                score.eventKept(in, at);
                score.controls.add(new ControlChange(tick, a, b, channel, track));
            }
            case 0xC0 -> program[channel] = a;
            default -> { } // aftertouch and pitch bend are not part of the score model
        }
    }

    private int data(int eventAt) throws MidiFormatException {
        int value = in.u8("event data");
        if (value > 0x7F) {
            throw in.error(in.pos() - 1, String.format("data byte 0x%02X of the event at byte %d is above 0x7F",
                    value, eventAt));
        }
        return value;
    }

    private OpenNotes opened(int channel, int pitch) {
        int key = channel * 128 + pitch;
        if (open[key] == null) {
            open[key] = new OpenNotes();
        }
        return open[key];
    }

    private void noteOff(int channel, int pitch) {
        OpenNotes notes = open[channel * 128 + pitch];
        if (notes != null && !notes.isEmpty()) {
            addNote(channel, pitch, notes);
        }
    }

    private void addNote(int channel, int pitch, OpenNotes notes) {
        long onset = notes.onset();
        int velocity = notes.velocity();
        int prog = notes.program();
        notes.removeFirst();
        if (tick > onset) {
            score.notes.add(new Note(pitch, velocity, onset, tick - onset, prog, channel, channel == 9, track));
        }
    }

    private void closeOpenNotes() {
        for (int key = 0; key < open.length; key++) {
            OpenNotes notes = open[key];
            while (notes != null && !notes.isEmpty()) {
                addNote(key / 128, key % 128, notes);
            }
        }
    }

    /** Handles a meta event; true at the end of the track. */
    private boolean metaEvent(int at) throws MidiFormatException {
        int type = in.u8("meta event type");
        int length = in.vlq("meta event length");
        in.need(length, "meta event data");
        int dataAt = in.pos();
        switch (type) {
            case 0x2F -> {
                in.skip(length, "end of track");
                return true;
            }
            case 0x51 -> {
                score.eventKept(in, at);
                tempo(at, length);
            }
            case 0x58 -> {
                score.eventKept(in, at);
                meter(at, length);
            }
            case 0x59 -> {
                score.eventKept(in, at);
                key(at, length);
            }
            case 0x03 -> name(length);
            default -> { }
        }
        in.seek(dataAt + length);
        return false;
    }

    private void tempo(int at, int length) throws MidiFormatException {
        if (length < 3) {
            throw in.error(at, "tempo event with " + length + " data bytes instead of 3");
        }
        int micros = in.u8("tempo") << 16 | in.u8("tempo") << 8 | in.u8("tempo");
        if (micros < MIN_MICROS_PER_QUARTER) {
            throw in.error(at, "tempo of " + micros + " microseconds per quarter note is absurd (faster than "
                    + "10,000 quarters per minute)");
        }
        if (!score.smpte) {
            score.tempos.put(tick, new TempoChange(tick, micros));
        }
    }

    private void meter(int at, int length) throws MidiFormatException {
        if (length < 2) {
            throw in.error(at, "time signature with " + length + " data bytes instead of 4");
        }
        int numerator = in.u8("time signature");
        int power = in.u8("time signature");
        if (numerator == 0 || power > 6) {
            throw in.error(at, "time signature " + numerator + "/2^" + power + " is not a meter (numerator 1..255, "
                    + "denominator 1..64)");
        }
        score.meters.put(tick, new TimeSignature(tick, numerator, 1 << power));
    }

    private void key(int at, int length) throws MidiFormatException {
        if (length < 2) {
            throw in.error(at, "key signature with " + length + " data bytes instead of 2");
        }
        int sharps = (byte) in.u8("key signature");
        int mode = in.u8("key signature");
        if (sharps < -7 || sharps > 7 || mode > 1) {
            throw in.error(at, "key signature of " + sharps + " sharps, mode " + mode
                    + " is not a key (-7..7 sharps, mode 0 or 1)");
        }
        score.keys.put(tick, new KeySignature(tick, sharps, mode == 1));
    }

    private void name(int length) throws MidiFormatException {
        byte[] bytes = in.slice(length, "track name");
        if (!named) {
            named = true;
            score.trackName(track, decodeText(bytes));
        }
    }

    static String decodeText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
