package org.govshare.platform.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first: the console speaks zh-CN unless the user switched (cookie); the JSON API answers
 * in the language of Accept-Language, zh-CN when it names neither Chinese nor English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
    private static final String COOKIE = "govshare-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getAttribute(COOKIE) instanceof Locale chosen) {
                    return chosen;
                }
                if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    Cookie[] cookies = request.getCookies();
                    if (cookies != null) {
                        for (Cookie c : cookies) {
                            if (COOKIE.equals(c.getName())) {
                                return supported(Locale.forLanguageTag(c.getValue()));
                            }
                        }
                    }
                    return CHINESE;
                }
                String header = request.getHeader("Accept-Language");
                if (header == null || header.isBlank()) {
                    return CHINESE;
                }
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(header),
                        List.of(CHINESE, Locale.CHINESE, Locale.ENGLISH));
                    return best == null ? CHINESE : supported(best);
                } catch (IllegalArgumentException malformed) {
                    return CHINESE;
                }
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.setAttribute(COOKIE, supported(locale));
                Cookie cookie = new Cookie(COOKIE, supported(locale).toLanguageTag());
                cookie.setPath("/");
                cookie.setMaxAge(365 * 24 * 3600);
                cookie.setHttpOnly(true);
                response.addCookie(cookie);
            }
        };
    }

    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/api/**");
    }
}
