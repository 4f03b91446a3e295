package org.govshare.platform.internal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.govshare.platform.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The platform's {@link SecretBox}. The master key never goes into the database it protects: it comes
 * from configuration or, on a single machine, from a key file generated on first start next to the
 * embedded PostgreSQL's data (as its credentials are), readable by the owner only. Losing that file
 * loses every sealed secret, so operators configure {@code govshare.crypto.master-key} in production.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SecretBox secretBox(CryptoProperties properties) {
        byte[] master = StringUtils.hasText(properties.masterKey()) ? decode(properties.masterKey(),
            "govshare.crypto.master-key") : keyFromFile(Path.of(properties.keyFile()));
        List<byte[]> previous = properties.previousKeys() == null ? List.of() : properties.previousKeys().stream()
            .filter(StringUtils::hasText).map(k -> decode(k, "govshare.crypto.previous-keys")).toList();
        SecretBox box = SecretBox.create(SecretBox.Algorithm.parse(properties.algorithm()), master, previous);
        log.info("Secrets at rest sealed with {} under master key {}", box.algorithm().tag(), box.keyId());
        return box;
    }

    static byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".master-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(SecretBox.newMasterKey()) + "\n");
                try {
                    // another node or JVM sharing the directory may have won the race: keep its key
                    Files.move(tmp, file);
                    log.warn("Generated a master key for secrets at rest in {}; back it up, or set "
                        + "govshare.crypto.master-key", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the master key in " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException(where + " must hold at least 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }
}
