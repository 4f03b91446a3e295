package org.govshare.platform.internal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description names both ways in: client applications with {@code X-Api-Key}, people with
 * basic credentials (so "Try it out" in Swagger UI works without a CSRF token).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI govshareOpenApi() {
        return new OpenAPI()
            .info(new Info().title("govshare API").version("v1")
                .description("Government information resource sharing platform. Errors are application/problem+json "
                    + "with a stable `code`, the offending `field` and a `detail` in the language of Accept-Language."))
            .components(new Components()
                .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("Key of a client application (系统)"))
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("A person's account, for automation")))
            .addSecurityItem(new SecurityRequirement().addList("apiKey"))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
