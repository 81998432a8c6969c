package io.muse4j.core.token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names of a tokenizer's ids: id {@code i} is named {@code names().get(i)}. */
public final class Vocabulary {
    private final List<String> names;
    private final Map<String, Integer> ids;

    /** A vocabulary over distinct names; fails naming the first duplicate. */
    public Vocabulary(List<String> names) {
        this.names = List.copyOf(names);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (ids.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("token name '" + this.names.get(i) + "' appears twice");
            }
        }
    }

    /** The number of ids. */
    public int size() {
        return names.size();
    }

    /** The name of an id; fails naming the id and the range when it is out of range. */
    public String name(int id) {
        checkId(id);
        return names.get(id);
    }

    /** The id of a name; fails naming the name when it is not in the vocabulary. */
    public int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("token '" + name + "' is not in the vocabulary");
        }
        return id;
    }

    /** Every name, in id order. */
    public List<String> names() {
        return names;
    }

    /** Fails unless {@code 0 <= id < size()}. */
    public void checkId(int id) {
        if (id < 0 || id >= names.size()) {
            throw new IllegalArgumentException("token id " + id + " outside 0.." + (names.size() - 1));
        }
    }
}
