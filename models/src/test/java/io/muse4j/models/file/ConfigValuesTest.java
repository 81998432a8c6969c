package io.muse4j.models.file;

import io.muse4j.models.gan.crnngan.CrnnGanConfig;
import io.muse4j.models.gan.midinet.MidiNetConfig;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.vae.VaeConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigValuesTest {
    @Test
    void everyConfigReadsBackWhatItWrites() {
        LstmConfig lstm = new LstmConfig(39, 64, 128, 2, 0.25);
        TransformerConfig transformer = new TransformerConfig(40, 32, 4, 2, 64, 16, true, 0.1);
        VaeConfig vae = new VaeConfig(40, 8, 16, 1, 4, 2, 16, VaeConfig.Decoder.HIERARCHICAL);
        CrnnGanConfig gan = new CrnnGanConfig(16, 32, 2, 24, 64);
        MidiNetConfig net = new MidiNetConfig(16, 32, false);
        for (StackConfig stack : List.of(lstm, transformer)) {
            assertEquals(stack, StackConfig.of(stack.family(), stack.values()));
        }
        assertEquals(vae, VaeConfig.of(vae.kind(), vae.values()));
        assertEquals(gan, CrnnGanConfig.of(gan.values()));
        assertEquals(net, MidiNetConfig.of(net.values()));
    }

    @Test
    void valuesAreTheNamedNumbersOfTheHeaderInDeclarationOrder() {
        Map<String, Number> values = new TransformerConfig(40, 32, 4, 2, 64, 16, true, 0.1).values();
        assertEquals(List.of("vocabularySize", "width", "heads", "layers", "feedForward", "maxRelative",
                "sharedRelative", "dropout"), List.copyOf(values.keySet()));
        assertEquals(1, values.get("sharedRelative"));
        assertEquals(0.1, values.get("dropout"));
        assertEquals(List.of("vocabularySize", "embedding", "hidden", "layers", "latent", "bars", "stepsPerBar"),
                List.copyOf(new VaeConfig(40, 8, 16, 1, 4, 2, 16, VaeConfig.Decoder.FLAT).values().keySet()));
    }

    @Test
    void anOlderFileWithoutDropoutReadsAsNoDropoutAndAMissingValueIsNamed() {
        Map<String, Number> old = new LinkedHashMap<>(new LstmConfig(39, 64, 128, 2, 0).values());
        old.remove("dropout");
        assertEquals(new LstmConfig(39, 64, 128, 2, 0), StackConfig.of("lstm", old));
        old.remove("hidden");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.of("lstm", old));
        assertEquals("no 'hidden' in the model config", missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CrnnGanConfig.of(Map.of("noise", 16, "hidden", -1, "layers", 2, "discriminatorHidden", 8,
                        "length", 8)));
        assertEquals(true, bad.getMessage().contains("-1"), bad.getMessage());
    }
}
