package io.muse4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with its exit code and captured output. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Muse4j.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The lines of standard error. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}
