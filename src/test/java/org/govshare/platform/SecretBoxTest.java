package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.govshare.platform.SecretBox.Algorithm;
import org.govshare.platform.SecretBox.SecretBoxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretBoxTest {

    private static final byte[] KEY = SecretBox.newMasterKey();

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void sealsAndOpensWithEitherAlgorithm(Algorithm algorithm) {
        SecretBox box = SecretBox.create(algorithm, KEY);
        String sealed = box.seal("前置库密码 p@ss:word");

        assertThat(sealed).startsWith("v1:" + algorithm.tag() + ":" + box.keyId() + ":")
            .doesNotContain("p@ss").doesNotContain("word");
        assertThat(box.open(sealed)).isEqualTo("前置库密码 p@ss:word");
        // a fresh nonce every time: equal secrets do not look equal at rest
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
        assertThat(box.open(box.seal(""))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void refusesAnyFlippedByte(Algorithm algorithm) {
        SecretBox box = SecretBox.create(algorithm, KEY);
        String sealed = box.seal("secret");
        String body = sealed.substring(sealed.lastIndexOf(':') + 1);
        byte[] raw = Base64.getDecoder().decode(body);
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String bad = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(bad)).as("byte %d flipped", i).isInstanceOf(SecretBoxException.class);
        }
        // the header is authenticated too: claiming the other algorithm does not decrypt
        String other = algorithm == Algorithm.AES ? "sm4-gcm" : "aes-gcm";
        assertThatThrownBy(() -> box.open(sealed.replace(algorithm.tag(), other)))
            .isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.open(sealed.substring(0, sealed.length() - 4)))
            .isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.open("secret")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void refusesAnotherKey() {
        String sealed = SecretBox.create(Algorithm.AES, KEY).seal("secret");
        SecretBox other = SecretBox.create(Algorithm.AES, SecretBox.newMasterKey());

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(SecretBoxException.class)
            .hasMessageContaining("not configured");
        // even when the key id is forged to look like the other key's
        String forged = sealed.replace(":" + SecretBox.create(Algorithm.AES, KEY).keyId() + ":", ":" + other.keyId() + ":");
        assertThatThrownBy(() -> other.open(forged)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void opensValuesSealedBeforeARotationOfKeyAndAlgorithm() {
        String oldSealed = SecretBox.create(Algorithm.AES, KEY).seal("kept");
        SecretBox rotated = SecretBox.create(Algorithm.SM4, SecretBox.newMasterKey(), List.of(KEY));

        assertThat(rotated.open(oldSealed)).isEqualTo("kept");
        assertThat(rotated.isStale(oldSealed)).isTrue();
        assertThat(rotated.isStale(rotated.seal("new"))).isFalse();
        assertThat(rotated.seal("new")).startsWith("v1:sm4-gcm:");
    }

    @Test
    void refusesShortKeysAndUnknownAlgorithms() {
        assertThatThrownBy(() -> SecretBox.create(Algorithm.AES, new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Algorithm.parse("sm4-gcm")).isEqualTo(Algorithm.SM4);
        assertThat(Algorithm.parse("AES-256-GCM")).isEqualTo(Algorithm.AES);
        assertThatThrownBy(() -> Algorithm.parse("DES")).isInstanceOf(IllegalArgumentException.class);
    }
}
