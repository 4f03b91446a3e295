package org.govshare.exchange;

import java.io.IOException;
import java.io.InputStream;
import org.govshare.GovshareApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The other JVM of {@code GatewayCrashTest}: a second application node on the test's own database
 * (the arguments are Spring properties; the database password comes from the environment). It
 * prints {@code READY <port> <milliseconds it took>} once it serves and then just serves until the test kills it. It ends
 * itself if the test JVM goes away (its stdin closes) or after a few minutes, so a failed run
 * leaves no stray node behind.
 */
public final class GatewayCrashMain {

    static final long MAX_LIFE_MILLIS = 420_000;

    private GatewayCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread orphanGuard = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException e) {
                // the parent is gone either way
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watch");
        orphanGuard.setDaemon(true);
        orphanGuard.start();
        Thread lifetime = new Thread(() -> {
            try {
                Thread.sleep(MAX_LIFE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "max-life");
        lifetime.setDaemon(true);
        lifetime.start();

        long started = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplication(GovshareApplication.class).run(args);
        System.out.println("READY " + ctx.getEnvironment().getProperty("local.server.port") + " "
            + (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        Thread.sleep(MAX_LIFE_MILLIS);
    }
}
