package io.muse4j.corpora;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataTest {
    @TempDir
    Path dir;

    private Path corpusFolder() throws Exception {
        Files.createDirectories(dir.resolve("tunes/reels"));
        MidiWriter.write(SyntheticScores.melody(1, 20, 60, 72, 4), dir.resolve("tunes/a.mid"));
        MidiWriter.write(SyntheticScores.melody(2, 20, 60, 72, 4), dir.resolve("tunes/reels/b.MIDI"));
        Files.writeString(dir.resolve("tunes/reels/broken.mid"), "MThd garbage");
        Files.writeString(dir.resolve("tunes/notes.txt"), "not MIDI, not read");
        return dir.resolve("tunes");
    }

    @Test
    void foldersAreReadRecursivelyAndUnreadableFilesReported() throws Exception {
        Path folder = corpusFolder();
        Corpus corpus = CorpusLoader.midi(folder);
        assertEquals(List.of(folder.resolve("a.mid").toString(), folder.resolve("reels/b.MIDI").toString()),
                corpus.items().stream().map(CorpusItem::name).toList());
        assertEquals(20, corpus.items().get(0).score().notes().size());
        assertEquals(List.of(new Skipped(folder.resolve("reels/broken.mid").toString(),
                "byte 4: header length 543646066 is not between 6 and the 4 bytes left")), corpus.skipped());
        assertTrue(corpus.skipReport().startsWith(folder + ": skipped 1 of 3 files\n  " + folder.resolve("reels/broken.mid")),
                corpus.skipReport());
    }

    @Test
    void listFilesAndSingleFiles() throws Exception {
        Path folder = corpusFolder();
        Path list = folder.resolve("train.list");
        Files.writeString(list, "# my favourites\nreels/b.MIDI\n\n  a.mid  \nmissing.mid\n");
        Corpus corpus = CorpusLoader.midi(list);
        assertEquals(2, corpus.items().size());
        assertEquals(folder.resolve("reels/b.MIDI").toAbsolutePath().toString(), corpus.items().get(0).name());
        assertEquals(List.of(new Skipped(folder.resolve("missing.mid").toAbsolutePath().toString(), "missing.mid")),
                corpus.skipped().stream().map(s -> new Skipped(s.file(), Path.of(s.reason()).getFileName().toString()))
                        .toList());
        assertEquals(1, CorpusLoader.midi(folder.resolve("a.mid")).items().size());
    }

    @Test
    void nothingUsableIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/x.mid"), "");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> CorpusLoader.midi(dir.resolve("bad")));
        assertEquals(dir.resolve("bad") + ": corpus: nothing usable to train on (1 files skipped, the first: "
                + dir.resolve("bad/x.mid") + ": byte 0: empty file)", e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        assertThrows(CorpusFormatException.class, () -> CorpusLoader.midi(dir.resolve("empty")));
    }

    @Test
    void seededSplitsDependOnlyOnNamesAndSeed() {
        List<CorpusItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(new CorpusItem("tune-" + i, NoteSequence.of(480, List.of())));
        }
        Splits a = Splits.seeded(items, 0.1, 7);
        List<CorpusItem> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        assertEquals(a, Splits.seeded(reversed, 0.1, 7));
        assertEquals(5, a.valid().size());
        assertEquals(45, a.train().size());
        assertTrue(Collections.disjoint(a.train(), a.valid()));
        assertNotEquals(a.valid(), Splits.seeded(items, 0.1, 8).valid());
        assertEquals(1, Splits.seeded(items.subList(0, 3), 0.05, 1).valid().size());
        assertThrows(IllegalArgumentException.class, () -> Splits.seeded(items, 1.0, 1));
    }

    @Test
    void transpositionsStayInsideTheRange() {
        NoteSequence seq = NoteSequence.builder(480).note(50, 80, 0, 480).note(80, 80, 480, 480)
                .note(new Note(35, 90, 0, 10, 0, 9, true, 0)).build();
        List<NoteSequence> shifted = Augmentation.transpositions(seq, 6, 48, 84);
        // lowest 50 may go down 2, highest 80 up 4: shifts -2..4
        assertEquals(7, shifted.size());
        assertEquals(List.of(48, 78), pitched(shifted.get(0)));
        assertEquals(List.of(54, 84), pitched(shifted.get(6)));
        assertEquals(35, shifted.get(0).notes().get(0).pitch()); // drums stay
    }

    @Test
    void stretchesScaleTime() {
        NoteSequence seq = SyntheticScores.melody(3, 10, 60, 70, 4);
        List<NoteSequence> stretched = Augmentation.stretches(seq, 0.95, 1.0, 1.05);
        assertEquals(seq, stretched.get(1));
        assertEquals(seq.durationSeconds() * 1.05, stretched.get(2).durationSeconds(), 0.01);
    }

    @Test
    void realCorporaLoad() throws Exception {
        Corpus folk = CorpusLoader.midi(SharedCorpora.resolve("folk-abc/MIDI"));
        assertEquals(1195, folk.items().size());
        assertEquals(List.of(), folk.skipped());
        Corpus jsb = CorpusLoader.pianoRoll(SharedCorpora.resolve("polyphonic-pianoroll/jsb_chorales.valid.json"),
                PianoRollJson.UNSPLIT, new PianoRollCodec(GridConfig.QUARTERS));
        assertEquals(76, jsb.items().size());
    }

    private static List<Integer> pitched(NoteSequence seq) {
        return seq.notes().stream().filter(n -> !n.drum()).map(Note::pitch).toList();
    }
}
