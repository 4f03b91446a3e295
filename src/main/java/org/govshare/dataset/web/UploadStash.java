package org.govshare.dataset.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Holds a console upload between its preview and its start, so the user sends the file once: the
 * file waits in a temporary directory under a random token kept in the user's session (another
 * session cannot name it), and goes when the load starts or after two hours.
 */
@Component
class UploadStash {

    static final Duration KEEP = Duration.ofHours(2);
    private static final String SESSION_KEY = UploadStash.class.getName();

    record Stashed(String token, UUID resourceId, String fileName, Path path) {
    }

    private final Path dir;

    UploadStash() {
        try {
            this.dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "govshare-dataset-uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stashed put(HttpSession session, UUID resourceId, String fileName, InputStream content) throws IOException {
        sweep();
        String token = UUID.randomUUID().toString();
        Path path = dir.resolve(token);
        try (InputStream in = content) {
            Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
        }
        Stashed s = new Stashed(token, resourceId, fileName, path);
        stash(session).put(token, s);
        return s;
    }

    Optional<Stashed> get(HttpSession session, String token, UUID resourceId) {
        Stashed s = token == null ? null : stash(session).get(token);
        return s != null && s.resourceId().equals(resourceId) && Files.exists(s.path()) ? Optional.of(s) : Optional.empty();
    }

    void remove(HttpSession session, Stashed s) {
        stash(session).remove(s.token());
        try {
            Files.deleteIfExists(s.path());
        } catch (IOException e) {
            // swept later
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Stashed> stash(HttpSession session) {
        synchronized (session) {
            Object o = session.getAttribute(SESSION_KEY);
            if (o == null) {
                o = new HashMap<String, Stashed>();
                session.setAttribute(SESSION_KEY, o);
            }
            return (Map<String, Stashed>) o;
        }
    }

    private void sweep() {
        FileTime limit = FileTime.from(Instant.now().minus(KEEP));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).compareTo(limit) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }
}
