package io.muse4j.midi.kern;

import io.muse4j.midi.kern.KernReader.Line;
import io.muse4j.midi.kern.KernReader.LineError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kern file's lines cut at its section labels ({@code *>A}), with its expansion list ({@code *>[A,A,B]}), if any:
 * the order in which the sections are played. Lines before the first label (the header) come first either way, and
 * the line that ends every spine ({@code *-}) last.
 *
 * @param header the lines before the first label
 * @param sections each label's lines, in the file's order
 * @param expansion the labels in playing order, or null where the file has no expansion list
 * @param listLine the expansion list's line, for messages
 * @param end the lines that end every spine
 */
record Sections(List<Line> header, Map<String, List<Line>> sections, List<String> expansion, int listLine,
                List<Line> end) {
    private static final Pattern LABEL = Pattern.compile("\\*>([^\\[\\]]+)");
    private static final Pattern LIST = Pattern.compile("\\*>\\[(.*)]");

    static Sections of(List<Line> lines) {
        List<Line> header = new ArrayList<>();
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        List<Line> end = new ArrayList<>();
        List<String> expansion = null;
        int listLine = 0;
        List<Line> current = header;
        for (Line line : lines) {
            String first = line.tokens()[0];
            Matcher list = LIST.matcher(first);
            Matcher label = LABEL.matcher(first);
            if (list.matches() && expansion == null) {
                expansion = Arrays.stream(list.group(1).split(",")).map(String::trim).toList();
                listLine = line.number();
            } else if (label.matches()) {
                current = sections.computeIfAbsent(label.group(1), k -> new ArrayList<>());
                continue;
            } else if (line.isInterpretation() && Arrays.stream(line.tokens()).allMatch("*-"::equals)) {
                end.add(line);
                continue;
            }
            current.add(line);
        }
        return new Sections(header, sections, expansion, listLine, end);
    }

    /** The lines in playing order, or each section once in the file's order. */
    List<Line> ordered(KernReader.Order order) {
        List<Line> out = new ArrayList<>(header);
        if (order == KernReader.Order.WRITTEN || expansion == null) {
            sections.values().forEach(out::addAll);
        } else {
            for (String label : expansion) {
                List<Line> section = sections.get(label);
                if (section == null) {
                    throw new LineError(listLine, "the expansion list names section " + label + ", which the file "
                            + "does not label");
                }
                out.addAll(section);
            }
        }
        out.addAll(end);
        return out;
    }
}
