package io.muse4j.midi;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.ScoreCodec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every encoding survives a MIDI file: what {@code decode} gives, written and read back, is the same score and
 * encodes to the same tokens, {@code encode(read(write(decode(encode(x))))) == encode(x)}, also for scores whose
 * tracks play one pitch at once (issue 22, item 14: REMI merges the tracks, and MIDI pairs note-offs first in,
 * first out).
 */
class EncodingFileRoundTripTest {
    private static final List<String> ENCODINGS = List.of("melody", "performance", "pianoroll", "remi", "abc");

    @Test
    void overlappingNotesOfOnePitchOnTwoTracks() throws Exception {
        // track 1 strikes C4 again inside a long C4 of track 0, and both end apart: nested, then staggered
        NoteSequence x = NoteSequence.builder(480)
                .note(new Note(60, 90, 0, 1920, 0, 0, false, 0)).note(new Note(60, 70, 480, 480, 0, 1, false, 1))
                .note(new Note(64, 90, 1920, 960, 0, 0, false, 0)).note(new Note(64, 70, 2400, 960, 0, 1, false, 1))
                .build();
        for (String encoding : ENCODINGS) {
            assertSurvivesAFile(encoding, x, "nested");
        }
    }

    @Test
    void seededRandomScoresOfSeveralTracks() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            NoteSequence score = SyntheticScores.polyphonic(seed, 150);
            List<Note> doubled = new ArrayList<>(score.notes());
            for (Note n : score.notes()) { // the same pitch again on the other track, starting inside the note
                if (!n.drum() && n.durationTicks() > 2) {
                    doubled.add(new Note(n.pitch(), n.velocity(), n.startTick() + n.durationTicks() / 3,
                            n.durationTicks() / 2 + (seed % 2 == 0 ? n.durationTicks() : 0), n.program(),
                            n.channel(), false, 1 - n.track()));
                }
            }
            for (String encoding : ENCODINGS) {
                assertSurvivesAFile(encoding, score.withNotes(doubled), "seed " + seed);
            }
        }
    }

    @Test
    void multiTrackPianoFilesOfTheCorpora() throws Exception {
        int files = 0;
        for (Path file : SharedCorpora.midiFiles("piano-performance")) {
            MidiFile midi = MidiReader.read(file);
            if (midi.sequence().notes().stream().map(Note::track).distinct().count() < 2) {
                continue;
            }
            for (String encoding : ENCODINGS) {
                assertSurvivesAFile(encoding, midi.sequence(), file.toString());
            }
            if (++files == 10) {
                break;
            }
        }
        assertTrue(files > 0, "no multi-track piano file in the corpora");
    }

    private static void assertSurvivesAFile(String encoding, NoteSequence x, String what) throws Exception {
        @SuppressWarnings("unchecked")
        ScoreCodec<Object> codec = (ScoreCodec<Object>) EncodingSpec.of(Map.of("encoding", encoding)).codec();
        Object tokens = codec.encode(x);
        NoteSequence decoded = codec.decode(tokens);
        NoteSequence read = MidiReader.read(MidiWriter.toBytes(decoded), what).sequence();
        if (!decoded.equals(read)) { // name the first note that changed rather than print two whole scores
            List<Note> a = decoded.notes();
            List<Note> b = read.notes();
            int i = 0;
            while (i < Math.min(a.size(), b.size()) && a.get(i).equals(b.get(i))) {
                i++;
            }
            assertEquals(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null,
                    encoding + ", " + what + ": note " + i + " of the decoded score changed through its file");
            assertEquals(decoded, read, encoding + ", " + what + ": the decoded score read back from its file");
        }
        assertTrue(Objects.deepEquals(tokens, codec.encode(read)), encoding + ", " + what + ": tokens changed");
    }
}
