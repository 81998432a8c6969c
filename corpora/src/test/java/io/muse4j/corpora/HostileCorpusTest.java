package io.muse4j.corpora;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.HostileFiles;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corpora that are hostile: non-files where a JSON, list or MIDI file should be, and piano rolls of millions of
 * frames. Each fails naming the file, within seconds, in a JVM of 512 MB (see corpora's pom).
 */
class HostileCorpusTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void nonFilesAsJsonOrListFilesAreRefusedNamingThem() throws Exception {
        HostileFiles.assertRefused(dir, "roll.json", true, PianoRollJson::read);
        HostileFiles.assertRefused(dir, "list.txt", false, CorpusLoader::midi); // a folder is a corpus of its own
    }

    @Test
    void nonFilesInACorpusFolderAreSkippedAndListed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("corpus"));
        MidiWriter.write(NoteSequence.builder(480).note(60, 90, 0, 480).build(), folder.resolve("good.mid"));
        HostileFiles.fifo(folder.resolve("fifo.mid"));
        HostileFiles.devZero(folder.resolve("zero.mid"));
        Files.createSymbolicLink(folder.resolve("folder.mid"), dir);
        Corpus corpus = assertTimeoutPreemptively(QUICK, () -> CorpusLoader.midi(folder));
        assertEquals(1, corpus.items().size());
        assertEquals(List.of(new Skipped(folder.resolve("fifo.mid").toString(), "not a regular file (a FIFO)"),
                new Skipped(folder.resolve("folder.mid").toString(), "not a regular file (a folder)"),
                new Skipped(folder.resolve("zero.mid").toString(), "not a regular file (a character device)")),
                corpus.skipped());
    }

    @Test
    void millionsOfFramesOrPitchesAreRefusedAtTheCap() {
        StringBuilder frames = new StringBuilder(3 * PianoRollJson.MAX_FRAMES + 16).append("[[");
        for (int i = 0; i <= PianoRollJson.MAX_FRAMES; i++) {
            frames.append(i == 0 ? "[]" : ",[]");
        }
        String json = frames.append("]]").toString();
        CorpusFormatException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(CorpusFormatException.class,
                () -> PianoRollJson.read(new StringReader(json), "frames.json")));
        assertTrue(e.getMessage().startsWith("frames.json: line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": more than 4,000,000 frames, the most a file may hold here"));
        String chord = "[[[" + "60,".repeat(PianoRollJson.MAX_PITCHES_PER_FRAME) + "60]]]";
        assertTrue(assertThrows(CorpusFormatException.class, () -> PianoRollJson.read(new StringReader(chord), "c"))
                .getMessage().endsWith(": more than 128 pitches in one frame"));
    }
}
