package io.muse4j.models.file;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The central directory of a zip file held in memory: each entry's name and inflated size as the directory
 * declares them. A zip file ends with this directory, so a file cut short has none, and reading it first lets a
 * reader refuse entries too large to inflate before inflating anything (a zip bomb). Zip64 is not read: a
 * checksummed zip never needs it, its entries being far below 4 GiB.
 */
final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_BYTES = 22;
    private static final int ENTRY_BYTES = 46;

    private ZipDirectory() {
    }

    /**
     * Each entry's inflated size by name, in the directory's order; a file without a whole directory at its end
     * (truncated, or not a zip) fails with {@code truncated} naming what is missing.
     */
    static Map<String, Long> sizes(byte[] zip, String name, String truncated) throws ModelFileException {
        int end = endRecord(zip);
        if (end < 0) {
            throw new ModelFileException(name, truncated + ": it has no zip central directory at its end");
        }
        int entries = u16(zip, end + 10);
        long size = u32(zip, end + 12);
        long offset = u32(zip, end + 16);
        if (offset + size != end || u16(zip, end + 8) != entries) {
            throw new ModelFileException(name, truncated + ": its zip central directory does not end where the "
                    + "file says");
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        int at = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (at + ENTRY_BYTES > end || u32(zip, at) != ENTRY_SIGNATURE) {
                throw new ModelFileException(name, truncated + ": its zip central directory is damaged");
            }
            int nameLength = u16(zip, at + 28);
            int next = at + ENTRY_BYTES + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (next > end) {
                throw new ModelFileException(name, truncated + ": its zip central directory is damaged");
            }
            String entry = new String(zip, at + ENTRY_BYTES, nameLength, StandardCharsets.UTF_8);
            if (sizes.put(entry, u32(zip, at + 24)) != null) {
                throw new ModelFileException(name, "holds the entry " + entry + " twice");
            }
            at = next;
        }
        if (at != end) {
            throw new ModelFileException(name, truncated + ": its zip central directory is damaged");
        }
        return sizes;
    }

    /** Where the end-of-central-directory record starts, ending the file with its comment; -1 when none does. */
    private static int endRecord(byte[] zip) {
        for (int at = zip.length - END_BYTES; at >= Math.max(0, zip.length - END_BYTES - 0xFFFF); at--) {
            if (u32(zip, at) == END_SIGNATURE && at + END_BYTES + u16(zip, at + 20) == zip.length) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16);
    }
}
