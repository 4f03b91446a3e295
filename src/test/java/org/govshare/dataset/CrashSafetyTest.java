package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a load: another JVM runs the application on its own embedded
 * PostgreSQL, starts a big load over a baseline and is killed once the load reports progress;
 * booted again, the resource is exactly at its baseline version and the load is FAILED interrupted.
 */
class CrashSafetyTest {

    @Test
    void aNodeKilledMidLoadLeavesThePreviousVersionIntactAndTheLoadFailedInterrupted() throws Exception {
        Path dir = Path.of("target/crash-test").toAbsolutePath();
        Process loader = java("load", dir.toString());
        String baseline = null;
        String progress = null;
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("BASELINE ")) {
                    baseline = line;
                } else if (line.startsWith("PROGRESS ")) {
                    progress = line;
                    break;
                } else if (line.startsWith("FINISHED-TOO-SOON")) {
                    break;
                }
            }
            loader.destroyForcibly();
            loader.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(baseline).as(String.join("\n", seen)).isNotNull();
        assertThat(progress).as(String.join("\n", seen)).isNotNull();
        String[] b = baseline.split(" ");
        String resource = b[1];
        assertThat(b[2]).isEqualTo("SUCCEEDED");
        String before = String.join(" ", List.of(b).subList(3, b.length));
        assertThat(before).startsWith("1 1000 1000 1000 1000 ");

        Process verifier = java("verify", dir.toString(), resource);
        String result = null;
        seen.clear();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(verifier.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(result).as(String.join("\n", seen)).isNotNull();
        // version, record count, last seq, records, change rows and the digest of every record: as before the kill
        assertThat(result).isEqualTo("RESULT " + before + " base:SUCCEEDED:-,big:FAILED:interrupted");
    }

    private static Process java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
            CrashLoadMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
