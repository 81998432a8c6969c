package io.muse4j.core.random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedsTest {
    @Test
    void mixesAsTheCopiesItReplacedDid() {
        assertEquals(7L * 1_000_003L + 11L, Seeds.mix(7, 11));
        assertEquals(-3L * 1_000_003L - 5L, Seeds.mix(-3, -5));
        assertEquals(Long.MAX_VALUE * 1_000_003L + 1, Seeds.mix(Long.MAX_VALUE, 1)); // wraps
    }
}
