package io.muse4j.midi;

import io.muse4j.core.io.InputFiles;
import io.muse4j.core.score.NoteSequence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Standard MIDI Files (types 0 and 1, PPQ or SMPTE time) into a {@link NoteSequence}.
 *
 * <p>Rules that the format leaves open, chosen to be deterministic:
 * <ul>
 *   <li>A note-on with velocity 0 is a note-off. A note-off ends the earliest still-sounding note of its pitch on
 *       its channel in its track (first in, first out). A note that would last no time is dropped; notes still
 *       sounding at the end of their track end there.</li>
 *   <li>Channel 10 (index 9) holds drums. A note takes the program in force on its channel in its track at its
 *       onset (0 until a program change). Every control change is kept; pitch bend and aftertouch are not.</li>
 *   <li>Tempo, time and key signatures from every track are merged; two at one tick: the later one read wins.</li>
 *   <li>SMPTE files get a resolution of frames per second times ticks per frame and one tempo, 1,000,000 µs per
 *       quarter (1,001,001 for 29.97 drop-frame), so ticks convert to seconds exactly; their tempo events are
 *       ignored, as the format says.</li>
 *   <li>Track names are the first name event of each track, as UTF-8 where valid and ISO-8859-1 otherwise;
 *       the list runs up to the last named track.</li>
 *   <li>Sysex, unknown meta events and unknown chunks are skipped; a RIFF (RMID) wrapper is unwrapped.</li>
 * </ul>
 * A broken or hostile file raises {@link MidiFormatException} naming the byte offset and the reason; no
 * declared length is trusted beyond the bytes actually present.
 *
 * <p>Limits, so that a valid but hostile file fails with that exception rather than exhausting memory or time:
 * at most {@link #MAX_FILE_BYTES} bytes, {@link #MAX_NOTES} note-ons (released or not), {@link #MAX_EVENTS}
 * control changes, tempos and signatures, and {@link #MAX_SECONDS} of music. Reading costs at most about
 * {@value #BYTES_PER_NOTE} bytes of heap a note (the {@link io.muse4j.core.score.Note} record, its place in the
 * lists and the sort's scratch; the finished score keeps about 60), so a file at the note cap reads in a heap of
 * 90 MB, as measured on the file of a million notes that the tests build. Only a regular file
 * is read (see {@link InputFiles}): a folder, FIFO or device fails at once, naming it.
 */
public final class MidiReader {
    /** Files above this size (64 MiB) are refused before they are read. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** The most note-ons a file may hold (one million), sounding notes and notes never released alike. */
    public static final int MAX_NOTES = 1_000_000;
    /** The most control changes, tempo changes, time and key signatures a file may hold together (one million). */
    public static final int MAX_EVENTS = 1_000_000;
    /** The most heap a note takes while the score is built (measured); {@link #MAX_NOTES} times this is the peak. */
    public static final int BYTES_PER_NOTE = 90;
    /** Scores longer than this are refused as absurd. */
    public static final double MAX_SECONDS = 24 * 3600;

    private MidiReader() {
    }

    /**
     * Reads a file; fails naming the file with {@link MidiFormatException} for anything but a valid MIDI file
     * within the limits, {@link java.nio.file.NoSuchFileException} when it is missing and
     * {@link io.muse4j.core.io.InputFileException} when it is not a regular file or is over
     * {@link #MAX_FILE_BYTES}.
     */
    public static MidiFile read(Path file) throws IOException {
        return read(InputFiles.readAllBytes(file, MAX_FILE_BYTES), file.toString());
    }

    /** Reads a file's bytes; {@code name} names it in messages. */
    public static MidiFile read(byte[] bytes, String name) throws MidiFormatException {
        ByteCursor in = new ByteCursor(bytes, name);
        if (bytes.length == 0) {
            throw in.error(0, "empty file");
        }
        unwrapRiff(in);
        int headerAt = in.pos();
        String magic = in.remaining() >= 4 ? in.ascii(4, "header") : "";
        if (!magic.equals("MThd")) {
            throw in.error(headerAt, "not a MIDI file: it does not start with 'MThd'");
        }
        long length = in.u32("header length");
        if (length < 6 || length > in.remaining()) {
            throw in.error(headerAt + 4, "header length " + length + " is not between 6 and the "
                    + in.remaining() + " bytes left");
        }
        int bodyAt = in.pos();
        int format = in.u16("format");
        int trackCount = in.u16("track count");
        int division = in.u16("time division");
        in.seek(bodyAt + (int) length);
        checkHeader(in, bodyAt, format, trackCount, division);
        ScoreCollector score = new ScoreCollector(division);
        int tracks = readTracks(in, score, trackCount);
        NoteSequence seq = score.build();
        double seconds = seq.durationSeconds();
        if (seconds > MAX_SECONDS) {
            throw in.error(bodyAt, String.format(java.util.Locale.ROOT,
                    "the notes last %.0f hours, longer than the 24 hours a score may last here", seconds / 3600));
        }
        return new MidiFile(name, format, tracks, seq);
    }

    private static void unwrapRiff(ByteCursor in) throws MidiFormatException {
        if (in.remaining() < 20 || !in.ascii(4, "RIFF header").equals("RIFF")) {
            in.seek(0);
            return;
        }
        in.u32("RIFF length");
        if (!in.ascii(4, "RIFF type").equals("RMID")) {
            throw in.error(8, "RIFF file that is not RMID (MIDI)");
        }
        while (in.remaining() >= 8) {
            int at = in.pos();
            String id = in.ascii(4, "RIFF chunk");
            long size = Long.reverseBytes(in.u32("RIFF chunk length")) >>> 32;
            if (id.equals("data")) {
                if (size > in.remaining()) {
                    throw in.error(at + 4, "RMID data length " + size + " runs past the end of the file");
                }
                in.limit(in.pos() + (int) size, false);
                return;
            }
            in.skip((int) Math.min(size + (size & 1), in.remaining()), "RIFF chunk");
        }
        throw in.error(12, "RMID file without a MIDI data chunk");
    }

    private static void checkHeader(ByteCursor in, int at, int format, int trackCount, int division)
            throws MidiFormatException {
        if (format == 2) {
            throw in.error(at, "format 2 (independent sequences) is not supported; only formats 0 and 1 are");
        }
        if (format > 2) {
            throw in.error(at, "format " + format + " is not a MIDI file format (0, 1 or 2)");
        }
        if (trackCount == 0) {
            throw in.error(at + 2, "the header announces zero tracks");
        }
        if (division == 0) {
            throw in.error(at + 4, "0 ticks per quarter note");
        }
        if ((division & 0x8000) != 0) {
            int fps = -(byte) (division >> 8);
            if (fps != 24 && fps != 25 && fps != 29 && fps != 30) {
                throw in.error(at + 4, "SMPTE time division of " + fps + " frames per second (24, 25, 29, 30 exist)");
            }
            if ((division & 0xFF) == 0) {
                throw in.error(at + 5, "SMPTE time division of 0 ticks per frame");
            }
        }
    }

    private static int readTracks(ByteCursor in, ScoreCollector score, int announced) throws MidiFormatException {
        int end = in.limit();
        int tracks = 0;
        while (tracks < announced) {
            int at = in.pos();
            if (end - at < 8) {
                throw in.error(at, "the header announces " + announced + " tracks but the file ends after " + tracks);
            }
            String id = in.ascii(4, "chunk type");
            long length = in.u32("chunk length");
            if (length > end - in.pos()) {
                throw in.error(at + 4, "chunk length " + length + " runs past the end of the file (" + (end - in.pos())
                        + " bytes left)");
            }
            int chunkEnd = in.pos() + (int) length;
            if (id.equals("MTrk")) {
                in.limit(chunkEnd, true);
                new TrackParser(in, score, tracks).parse();
                in.limit(end, false);
                tracks++;
            }
            in.seek(chunkEnd);
        }
        return tracks;
    }
}
