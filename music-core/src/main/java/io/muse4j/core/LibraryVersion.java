package io.muse4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of muse4j, as the build recorded it; model files carry it. */
public final class LibraryVersion {
    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /** For example "0.1.0". */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version", "unknown");
    }
}
