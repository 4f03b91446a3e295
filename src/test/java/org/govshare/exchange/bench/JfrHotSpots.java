package org.govshare.exchange.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU goes, from a JFR recording taken during a wrk run: execution samples
 * aggregated by the component the time is spent in (the first non-JDK frame from the top, so a
 * HashMap lookup inside Jackson counts as Jackson), by the top frame itself (self time), and by
 * every method on the stack (inclusive time, the project's and Spring's frames only, since those
 * are what one can change), plus the JVM's and the machine's CPU load over the recording.
 * Usage: JfrHotSpots recording.jfr [top=25].
 */
public final class JfrHotSpots {

    private JfrHotSpots() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        double jvmUser = 0;
        double jvmSystem = 0;
        double machine = 0;
        int loads = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                jvmUser += e.getFloat("jvmUser");
                jvmSystem += e.getFloat("jvmSystem");
                machine += e.getFloat("machineTotal");
                loads++;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            components.merge(component(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if ((n.startsWith("org.govshare.") || n.startsWith("org.springframework.")) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("JFR: %,d execution samples", samples);
        if (loads > 0) {
            System.out.printf("; average CPU load over the recording: JVM user %.0f%% + system %.0f%% of the machine, "
                + "machine total %.0f%% (the rest is PostgreSQL, wrk and others)", 100 * jvmUser / loads,
                100 * jvmSystem / loads, 100 * machine / loads);
        }
        System.out.println();
        print("samples by thread", threads, samples, 8);
        print("by component (first non-JDK frame from the top of the stack)", components, samples, top);
        print("self (top frame)", self, samples, top);
        print("inclusive (org.govshare / org.springframework frames anywhere on the stack)", inclusive, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
            .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    /** The package (three segments) of the first frame outside the JDK, or "JDK" if there is none. */
    static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.") || n.startsWith("javax.")) {
                continue;
            }
            String[] parts = n.split("\\.");
            int keep = n.startsWith("org.govshare.") ? 3 : Math.min(3, parts.length - 2);
            return String.join(".", List.of(parts).subList(0, Math.max(1, keep)));
        }
        return "JDK (" + name(frames.get(frames.size() - 1)) + ")";
    }
}
