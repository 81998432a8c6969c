package io.muse4j.core.score;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a score says about itself beyond its notes.
 *
 * @param trackNames the name of each track by index; an empty string where a track has none
 * @param tags free-form facts such as "source" or "composer", kept in key order
 */
public record Metadata(List<String> trackNames, Map<String, String> tags) {
    /** No track names and no tags. */
    public static final Metadata EMPTY = new Metadata(List.of(), Map.of());

    public Metadata {
        trackNames = List.copyOf(trackNames);
        tags = Map.copyOf(tags);
    }

    /** The tags in key order. */
    public Map<String, String> sortedTags() {
        return new TreeMap<>(tags);
    }

    /** The name of a track, or an empty string when it has none. */
    public String trackName(int track) {
        return track < trackNames.size() ? trackNames.get(track) : "";
    }
}
