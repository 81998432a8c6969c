package io.muse4j.midi.live;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A receiver that notes every message with the loop's time: the other end of a simulated MIDI cable. */
final class Heard implements Receiver {
    private final EventLoop clock;
    private final List<Timed> messages = new ArrayList<>();

    Heard(EventLoop clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        messages.add(new Timed(clock.nanoTime(), (ShortMessage) message));
    }

    @Override
    public void close() {
    }

    synchronized List<Timed> all() {
        return List.copyOf(messages);
    }

    /** The note-ons heard, in order. */
    synchronized List<Timed> noteOns() {
        return messages.stream().filter(t -> isOn(t.message())).toList();
    }

    /** The first note-off of {@code pitch} after {@code afterNanos}. */
    synchronized Timed noteOffOf(int pitch, long afterNanos) {
        return messages.stream().filter(t -> t.at() >= afterNanos && isOff(t.message())
                && t.message().getData1() == pitch).findFirst().orElseThrow();
    }

    /** Every note-on was followed by a note-off of its key, and no key was released twice. */
    synchronized void assertEveryNoteClosed() {
        Map<Integer, Long> sounding = new HashMap<>();
        for (Timed t : messages) {
            int key = t.message().getChannel() * 128 + t.message().getData1();
            if (isOn(t.message())) {
                assertTrue(sounding.put(key, t.at()) == null, "key " + key + " struck while sounding");
            } else if (isOff(t.message())) {
                assertTrue(sounding.remove(key) != null, "key " + key + " released while silent");
            }
        }
        if (!sounding.isEmpty()) {
            fail("stuck notes: " + sounding);
        }
        assertEquals(0, sounding.size());
    }

    private static boolean isOn(ShortMessage m) {
        return m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
    }

    private static boolean isOff(ShortMessage m) {
        return m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
    }
}
