import io.muse4j.audio.SoundFont;
import io.muse4j.audio.WavRenderer;
import io.muse4j.audio.signal.AudioReader;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.Resampler;
import io.muse4j.audio.spectrogram.CqtEncoder;
import io.muse4j.audio.spectrogram.CqtSettings;
import io.muse4j.audio.spectrogram.MelEncoder;
import io.muse4j.audio.spectrogram.MelSettings;
import io.muse4j.audio.spectrogram.StftEncoder;
import io.muse4j.audio.spectrogram.StftSettings;
import io.muse4j.audio.transcription.NoteMatching;
import io.muse4j.audio.transcription.PitchTracker;
import io.muse4j.audio.transcription.Transcriber;
import io.muse4j.audio.transcription.TranscriptionSettings;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Renders whole single-track folk tunes with a SoundFont, then times each audio step over all of them on one thread
 * (best of several passes after a warm-up) and scores the transcriptions. Prints 'step seconds-of-audio x-real-time'.
 */
public class AudioBench {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int tunes = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        SoundFont sounds = args[3].equals("built-in") ? SoundFont.builtIn() : SoundFont.load(Path.of(args[3]));
        Path dir = Files.createTempDirectory("muse4j-audio-bench");
        List<NoteSequence> scores = new ArrayList<>();
        List<MonoAudio> audio = new ArrayList<>();
        List<MonoAudio> at22k = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        WavRenderer renderer = new WavRenderer(sounds);
        double renderSeconds = 0;
        for (Path file : files) {
            NoteSequence seq = MidiReader.read(file).sequence();
            if (scores.size() == tunes || seq.notes().stream().mapToInt(Note::track).distinct().count() != 1) {
                continue;
            }
            Path wav = dir.resolve(scores.size() + ".wav");
            long start = System.nanoTime();
            renderer.render(seq, wav);
            renderSeconds += (System.nanoTime() - start) / 1e9;
            scores.add(seq);
            audio.add(AudioReader.read(wav));
            at22k.add(Resampler.resample(audio.get(audio.size() - 1), 22_050));
            Files.delete(wav);
        }
        Files.delete(dir);
        double total = audio.stream().mapToDouble(MonoAudio::seconds).sum();
        System.out.printf(Locale.ROOT, "render %.1f %.1f%n", total, total / renderSeconds);
        time("resample-44.1k-to-22.05k", audio, total, passes, a -> Resampler.resample(a, 22_050));
        time("stft", at22k, total, passes, a -> new StftEncoder(StftSettings.DEFAULT).encode(a));
        time("log-mel", at22k, total, passes, a -> new MelEncoder(MelSettings.DEFAULT).encode(a));
        time("constant-q", at22k, total, passes, a -> new CqtEncoder(CqtSettings.DEFAULT).encode(a));
        for (PitchTracker tracker : PitchTracker.values()) {
            Transcriber t = new Transcriber(new TranscriptionSettings(tracker, 0.06));
            time("transcribe-" + tracker.name().toLowerCase(Locale.ROOT), audio, total, passes, t::transcribe);
            NoteMatching.Score score = new NoteMatching.Score(0, 0, 0);
            for (int i = 0; i < audio.size(); i++) {
                score = score.plus(NoteMatching.score(scores.get(i), t.transcribe(audio.get(i)), 0.05));
            }
            System.out.printf(Locale.ROOT, "f1-%s %.4f %.4f %.4f %d%n", tracker.name().toLowerCase(Locale.ROOT),
                    score.precision(), score.recall(), score.f1(), score.reference());
        }
    }

    private static void time(String name, List<MonoAudio> audio, double seconds, int passes,
                             Consumer<MonoAudio> step) {
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass <= passes; pass++) { // pass 0 warms the JIT (and ND4J) up and is not counted
            long start = System.nanoTime();
            audio.forEach(step);
            double wall = (System.nanoTime() - start) / 1e9;
            best = pass > 0 ? Math.min(best, wall) : best;
        }
        System.out.printf(Locale.ROOT, "%s %.1f %.1f%n", name, seconds, seconds / best);
    }
}
