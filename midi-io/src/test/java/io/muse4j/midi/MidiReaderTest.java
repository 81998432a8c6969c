package io.muse4j.midi;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MidiReaderTest {
    private static final int[] END = {0x00, 0xFF, 0x2F, 0x00};

    private static NoteSequence read(Smf smf) throws MidiFormatException {
        return MidiReader.read(smf.bytes(), "t.mid").sequence();
    }

    private static int[] events(int... bytes) {
        int[] all = new int[bytes.length + END.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(END, 0, all, bytes.length, END.length);
        return all;
    }

    @Test
    void runningStatusAndVelocityZeroNoteOffs() throws Exception {
        NoteSequence seq = read(Smf.header(0, 1, 96).track(events(
                0x00, 0x90, 60, 100, 0x60, 60, 0, 0x00, 64, 80, 0x60, 64, 0)));
        assertEquals(List.of(Note.of(60, 100, 0, 96), Note.of(64, 80, 96, 96)), seq.notes());
        assertEquals(96, seq.resolution());
    }

    @Test
    void sameNoteOverlapsPairFirstInFirstOut() throws Exception {
        NoteSequence seq = read(Smf.header(0, 1, 96).track(events(
                0x00, 0x90, 60, 100, 0x0A, 0x90, 60, 50, 0x0A, 0x80, 60, 0, 0x14, 0x80, 60, 0)));
        assertEquals(List.of(Note.of(60, 100, 0, 20), Note.of(60, 50, 10, 30)), seq.notes());
    }

    @Test
    void zeroLengthNotesAreDroppedAndOpenNotesEndWithTheirTrack() throws Exception {
        NoteSequence seq = read(Smf.header(0, 1, 96).track(events(
                0x00, 0x90, 60, 100, 0x00, 0x80, 60, 0, 0x00, 0x90, 62, 90, 0x30, 0xB0, 7, 100)));
        assertEquals(List.of(Note.of(62, 90, 0, 48)), seq.notes());
    }

    @Test
    void drumsProgramsAndControlChanges() throws Exception {
        NoteSequence seq = read(Smf.header(0, 1, 96).track(events(
                0x00, 0xC1, 40, 0x00, 0x91, 67, 70, 0x00, 0x99, 36, 120, 0x00, 0xB1, 64, 127,
                0x10, 0x81, 67, 0, 0x00, 0x89, 36, 0, 0x00, 0xE1, 0, 64)));
        assertEquals(List.of(new Note(36, 120, 0, 16, 0, 9, true, 0), new Note(67, 70, 0, 16, 40, 1, false, 0)),
                seq.notes());
        assertEquals(1, seq.controlChanges().size());
        assertEquals(64, seq.controlChanges().get(0).controller());
    }

    @Test
    void metaEventsAcrossTracksWithTheLaterTrackWinning() throws Exception {
        NoteSequence seq = read(Smf.header(1, 2, 480)
                .track(events(0x00, 0xFF, 0x03, 4, 'S', 'o', 'n', 'g', 0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20,
                        0x00, 0xFF, 0x58, 4, 6, 3, 24, 8, 0x00, 0xFF, 0x59, 2, 0xFE, 1))
                .track(events(0x00, 0xFF, 0x51, 3, 0x09, 0x27, 0xC0, 0x00, 0xFF, 0x03, 2, 0xE9, 't',
                        0x00, 0xF0, 3, 1, 2, 0xF7, 0x00, 0x90, 60, 90, 0x83, 0x60, 0x80, 60, 0)));
        assertEquals(List.of(new TempoChange(0, 600_000)), seq.tempos());
        assertEquals(List.of(new TimeSignature(0, 6, 8)), seq.timeSignatures());
        assertEquals(List.of(new KeySignature(0, -2, true)), seq.keySignatures());
        assertEquals(List.of("Song", "\u00e9t"), seq.metadata().trackNames());
        assertEquals(List.of(new Note(60, 90, 0, 480, 0, 0, false, 1)), seq.notes());
    }

    @Test
    void smpteTimeIsExactInSeconds() throws Exception {
        NoteSequence seq = read(Smf.header(0, 1, 0xE728).track(events(
                0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20, 0x87, 0x68, 0x90, 60, 90, 0x87, 0x68, 0x80, 60, 0)));
        assertEquals(1000, seq.resolution());
        assertEquals(1.0, seq.tempoMap().seconds(seq.notes().get(0).startTick()), 1e-12);
        assertEquals(2.0, seq.durationSeconds(), 1e-12);
        NoteSequence dropFrame = read(Smf.header(0, 1, 0xE350).track(events(0x00, 0x90, 60, 90, 0x10, 0x80, 60, 0)));
        assertEquals(2400, dropFrame.resolution());
        assertEquals(List.of(new TempoChange(0, 1_001_001)), dropFrame.tempos());
    }

    @Test
    void unknownChunksAreSkippedAndRiffIsUnwrapped() throws Exception {
        byte[] smf = Smf.header(0, 1, 96).raw('X', 'F', 'I', 'H', 0, 0, 0, 2, 7, 7)
                .track(events(0x00, 0x90, 60, 90, 0x10, 0x80, 60, 0)).bytes();
        assertEquals(1, MidiReader.read(smf, "x.mid").sequence().notes().size());
        Smf riff = new Smf().raw('R', 'I', 'F', 'F', 0, 0, 0, 0, 'R', 'M', 'I', 'D', 'd', 'a', 't', 'a',
                smf.length, 0, 0, 0);
        for (byte b : smf) {
            riff.raw(b & 0xFF);
        }
        assertEquals(1, MidiReader.read(riff.bytes(), "x.rmi").sequence().notes().size());
    }
}
