package org.govshare.exchange.internal;

import java.util.Base64;
import org.govshare.platform.SecretBox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HASH mask's key: created once per deployment (the first node to start wins the insert), kept
 * sealed, opened into memory at start.
 */
@Configuration(proxyBeanMethods = false)
class HashKey {

    @Bean
    Masking masking(JdbcClient jdbc, SecretBox secrets) {
        String sealed = secrets.seal(Base64.getEncoder().encodeToString(SecretBox.newMasterKey()));
        jdbc.sql("insert into data_service_secret (id, sealed_key) values (1, ?) on conflict (id) do nothing")
            .param(sealed).update();
        String stored = jdbc.sql("select sealed_key from data_service_secret where id = 1").query(String.class).single();
        return new Masking(Base64.getDecoder().decode(secrets.open(stored)));
    }
}
