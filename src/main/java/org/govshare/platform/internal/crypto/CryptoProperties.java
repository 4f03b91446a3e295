package org.govshare.platform.internal.crypto;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of secrets at rest ({@code govshare.crypto.*}).
 *
 * @param algorithm    cipher for newly sealed values: AES (AES-256-GCM) or SM4 (SM4-GCM)
 * @param masterKey    base64 master key (at least 32 bytes), e.g. from {@code GOVSHARE_CRYPTO_MASTER_KEY};
 *                     when unset, one is generated once and kept in {@code keyFile}
 * @param keyFile      where a generated master key is kept (owner read/write only), beside the embedded database
 * @param previousKeys base64 master keys used before a rotation, so values sealed under them still open
 */
@ConfigurationProperties("govshare.crypto")
record CryptoProperties(@DefaultValue("AES") String algorithm, String masterKey,
                        @DefaultValue("data/govshare.master-key") String keyFile, List<String> previousKeys) {
}
