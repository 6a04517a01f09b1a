package dev.poolsight.cli.advise;

import java.io.PrintWriter;
import java.util.List;

/** Prints advice as people read it: the diagnosis, a line per setting with its reason, then the export lines. */
public final class AdvicePrinter {

    private AdvicePrinter() {
    }

    public static void print(List<Advice> advice, PrintWriter out) {
        for (Advice pool : advice) {
            out.println(pool.diagnosis());
            for (Recommendation r : pool.recommendations()) {
                String change = r.keep() ? r.current() + " (keep)" : r.current() + " -> " + r.value();
                out.printf("  %-21s %-14s %s%n", r.variable(), change, r.reason());
            }
        }
        out.println();
        for (Advice pool : advice) {
            if (advice.size() > 1) {
                out.println("# pool " + pool.observation().pool());
            }
            pool.recommendations().stream().filter(r -> !r.value().equals("?"))
                    .forEach(r -> out.println(r.exportLine()));
        }
    }
}
