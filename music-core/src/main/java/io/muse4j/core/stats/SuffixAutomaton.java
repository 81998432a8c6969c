package io.muse4j.core.stats;

import java.util.Arrays;

/**
 * The suffix automaton of a text of ints (Blumer et al. 1985): built in linear time, it finds the longest
 * substring that another text shares with it in one pass over that text. Each state keeps the end of the first
 * occurrence of its substrings, so a match can be placed. Transitions are kept as edges in per-state lists
 * (walked when a state is cloned) and found through one open-addressed hash table keyed by (state, symbol).
 */
final class SuffixAutomaton {
    private int[] length = new int[16];
    private int[] link = new int[16];
    private int[] firstEnd = new int[16];
    private int[] firstEdge = new int[16];
    private int states;
    private int last;
    private int[] edgeSymbol = new int[16];
    private int[] edgeTarget = new int[16];
    private int[] nextEdge = new int[16];
    private int edges;
    private long[] keys = new long[64];
    private int[] slots = new int[64];
    private int used;
    private int position;

    SuffixAutomaton() {
        Arrays.fill(keys, -1);
        last = newState(0, -1, -1);
    }

    /** A match: {@code length} symbols of the other text, ending at {@code textEnd} there and at {@code end} here. */
    record Match(int length, int end, int textEnd) {
    }

    /** Appends one symbol to the text. */
    void add(int symbol) {
        int cur = newState(length[last] + 1, -1, position++);
        int p = last;
        while (p != -1 && edge(p, symbol) < 0) {
            addEdge(p, symbol, cur);
            p = link[p];
        }
        if (p == -1) {
            link[cur] = 0;
        } else {
            int q = edgeTarget[edge(p, symbol)];
            if (length[p] + 1 == length[q]) {
                link[cur] = q;
            } else {
                int clone = newState(length[p] + 1, link[q], firstEnd[q]);
                for (int e = firstEdge[q]; e >= 0; e = nextEdge[e]) {
                    addEdge(clone, edgeSymbol[e], edgeTarget[e]);
                }
                for (int e = edge(p, symbol); e >= 0 && edgeTarget[e] == q; e = p == -1 ? -1 : edge(p, symbol)) {
                    edgeTarget[e] = clone;
                    p = link[p];
                }
                link[q] = clone;
                link[cur] = clone;
            }
        }
        last = cur;
    }

    /** The longest substring of {@code text} that also occurs in this automaton's text (the first such). */
    Match longestShared(int[] text) {
        int state = 0;
        int matched = 0;
        Match best = new Match(0, -1, -1);
        for (int i = 0; i < text.length; i++) {
            while (state != 0 && edge(state, text[i]) < 0) {
                state = link[state];
                matched = length[state];
            }
            int e = edge(state, text[i]);
            if (e >= 0) {
                state = edgeTarget[e];
                matched++;
            }
            if (matched > best.length()) {
                best = new Match(matched, firstEnd[state], i);
            }
        }
        return best;
    }

    private int newState(int len, int suffixLink, int end) {
        if (states == length.length) {
            int size = states * 2;
            length = Arrays.copyOf(length, size);
            link = Arrays.copyOf(link, size);
            firstEnd = Arrays.copyOf(firstEnd, size);
            firstEdge = Arrays.copyOf(firstEdge, size);
        }
        length[states] = len;
        link[states] = suffixLink;
        firstEnd[states] = end;
        firstEdge[states] = -1;
        return states++;
    }

    private void addEdge(int state, int symbol, int target) {
        if (edges == edgeSymbol.length) {
            edgeSymbol = Arrays.copyOf(edgeSymbol, edges * 2);
            edgeTarget = Arrays.copyOf(edgeTarget, edges * 2);
            nextEdge = Arrays.copyOf(nextEdge, edges * 2);
        }
        edgeSymbol[edges] = symbol;
        edgeTarget[edges] = target;
        nextEdge[edges] = firstEdge[state];
        firstEdge[state] = edges;
        if (2 * (used + 1) > keys.length) {
            rehash();
        }
        put(key(state, symbol), edges++);
    }

    /** The edge from {@code state} on {@code symbol}, or -1. */
    private int edge(int state, int symbol) {
        long key = key(state, symbol);
        for (int i = slot(key); keys[i] != -1; i = (i + 1) & (keys.length - 1)) {
            if (keys[i] == key) {
                return slots[i];
            }
        }
        return -1;
    }

    private void put(long key, int value) {
        int i = slot(key);
        while (keys[i] != -1) {
            i = (i + 1) & (keys.length - 1);
        }
        keys[i] = key;
        slots[i] = value;
        used++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                put(oldKeys[i], oldSlots[i]);
            }
        }
    }

    private static long key(int state, int symbol) {
        return (long) state << 32 | symbol & 0xFFFFFFFFL;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (keys.length - 1);
    }
}
