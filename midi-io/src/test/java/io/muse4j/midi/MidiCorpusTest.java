package io.muse4j.midi;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader and writer on every MIDI file of the shared corpora, checked against javax.sound.midi. */
class MidiCorpusTest {
    @Tag("slow")
    @Test
    void readWriteReadGivesAnEqualScoreForEveryCorpusFile() throws Exception {
        List<Path> files = SharedCorpora.midiFiles();
        assertTrue(files.size() > 4000, "expected over 4,000 MIDI files, found " + files.size());
        List<String> failures = new ArrayList<>();
        long notes = 0;
        for (Path file : files) {
            MidiFile midi = MidiReader.read(file);
            byte[] written = MidiWriter.toBytes(midi.sequence());
            NoteSequence again = MidiReader.read(written, file + " (rewritten)").sequence();
            if (!again.equals(midi.sequence()) && failures.size() < 10) {
                failures.add(file.toString());
            }
            notes += midi.sequence().notes().size();
        }
        assertEquals(List.of(), failures);
        assertTrue(notes > 1_300_000, "expected over 1.3 million notes, read " + notes);
    }

    @Tag("slow")
    @Test
    void javaxSoundAgreesOnHeadersOfOriginalsAndOnEveryNoteOfWrittenFiles() throws Exception {
        List<Path> files = SharedCorpora.midiFiles();
        for (int i = 0; i < files.size(); i += 7) {
            Path file = files.get(i);
            MidiFile midi = MidiReader.read(file);
            Sequence original = MidiSystem.getSequence(file.toFile());
            assertEquals(original.getTracks().length, midi.trackCount(), file.toString());
            if (original.getDivisionType() == Sequence.PPQ) {
                assertEquals(original.getResolution(), midi.sequence().resolution(), file.toString());
            }
            Sequence written = MidiSystem.getSequence(new ByteArrayInputStream(MidiWriter.toBytes(midi.sequence())));
            assertEquals(noteOns(midi.sequence()), noteOns(written), file.toString());
        }
    }

    /** Sorted "track tick channel pitch velocity" of every note-on. */
    private static List<String> noteOns(NoteSequence seq) {
        List<String> ons = new ArrayList<>();
        for (Note n : seq.notes()) {
            ons.add(n.track() + " " + n.startTick() + " " + n.channel() + " " + n.pitch() + " " + n.velocity());
        }
        ons.sort(null);
        return ons;
    }

    private static List<String> noteOns(Sequence seq) {
        List<String> ons = new ArrayList<>();
        Track[] tracks = seq.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            for (int e = 0; e < tracks[t].size(); e++) {
                MidiEvent event = tracks[t].get(e);
                if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON
                        && m.getData2() > 0) {
                    ons.add(t + " " + event.getTick() + " " + m.getChannel() + " " + m.getData1() + " " + m.getData2());
                }
            }
        }
        ons.sort(null);
        return ons;
    }
}
