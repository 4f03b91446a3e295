package org.govshare.platform.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.govshare.platform.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheKeyFileOnceReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("data/govshare.master-key");
        CryptoConfiguration config = new CryptoConfiguration();
        SecretBox first = config.secretBox(new CryptoProperties("AES", null, file.toString(), null));
        String sealed = first.seal("pw");

        assertThat(Files.getPosixFilePermissions(file))
            .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        SecretBox again = config.secretBox(new CryptoProperties("SM4", null, file.toString(), null));
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.open(sealed)).isEqualTo("pw");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] key = SecretBox.newMasterKey();
        String b64 = Base64.getEncoder().encodeToString(key);
        SecretBox box = new CryptoConfiguration().secretBox(
            new CryptoProperties("AES", b64, dir.resolve("unused").toString(), List.of()));

        assertThat(box.keyId()).isEqualTo(SecretBox.create(SecretBox.Algorithm.AES, key).keyId());
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }
}
