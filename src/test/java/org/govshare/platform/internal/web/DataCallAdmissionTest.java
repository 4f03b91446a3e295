package org.govshare.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govshare.platform.CallSlots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Admission: no more calls run at once than there are slots, a call that gives its slot back lets
 * the next one in, and a call that waited too long is answered 503 data-service-busy, in the
 * caller's language, without reaching the service.
 */
class DataCallAdmissionTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Problems problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Problems(messages, new LocaleConfiguration().localeResolver());
    }

    private static MockHttpServletRequest request(Locale locale) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/data/303001/000004/records/1");
        request.addPreferredLocale(locale);
        return request;
    }

    @Test
    void noMoreCallsRunAtOnceThanThereAreSlots() throws Exception {
        DataCallAdmission admission = new DataCallAdmission(2, Duration.ofSeconds(10), problems(), meters);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FilterChain work = (req, res) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                admission.doFilter(request(Locale.SIMPLIFIED_CHINESE), new MockHttpServletResponse(), work);
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aCallWaitingForItsAuditEntryLetsTheNextCallIn() throws Exception {
        DataCallAdmission admission = new DataCallAdmission(1, Duration.ofSeconds(10), problems(), meters);
        CountDownLatch secondRan = new CountDownLatch(1);
        FilterChain first = (req, res) -> {
            CallSlots.release(); // as CallAudit does before it waits for the commit
            CallSlots.release(); // harmless twice
            try {
                assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Future<?> waiting = pool.submit(() -> {
            admission.doFilter(request(Locale.SIMPLIFIED_CHINESE), new MockHttpServletResponse(), first);
            return null;
        });
        Thread.sleep(100);
        MockHttpServletResponse second = new MockHttpServletResponse();
        admission.doFilter(request(Locale.SIMPLIFIED_CHINESE), second, (req, res) -> secondRan.countDown());
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(secondRan.getCount()).isZero();
        assertThat(second.getStatus()).isEqualTo(200);
    }

    @Test
    void aCallThatWaitedTooLongIsToldTheServiceIsBusyAndDoesNotRun() throws Exception {
        DataCallAdmission admission = new DataCallAdmission(1, Duration.ofMillis(200), problems(), meters);
        CountDownLatch hold = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> {
            admission.doFilter(request(Locale.SIMPLIFIED_CHINESE), new MockHttpServletResponse(), (req, res) -> {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        Thread.sleep(100);
        AtomicInteger ran = new AtomicInteger();
        MockHttpServletResponse zh = new MockHttpServletResponse();
        admission.doFilter(request(Locale.SIMPLIFIED_CHINESE), zh, (req, res) -> ran.incrementAndGet());
        MockHttpServletResponse en = new MockHttpServletResponse();
        admission.doFilter(request(Locale.ENGLISH), en, (req, res) -> ran.incrementAndGet());
        hold.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(ran.get()).isZero();
        assertThat(zh.getStatus()).isEqualTo(503);
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        assertThat(zh.getHeader("Retry-After")).isEqualTo("1");
        assertThat(zh.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
            .contains("\"code\":\"data-service-busy\"").contains("数据服务正忙").contains("\"retryAfterSeconds\":1")
            .contains("\"title\":\"服务暂不可用\"").contains("排队超过 0.2 秒").contains("请 1 秒后重试");
        assertThat(en.getContentAsString()).contains("The data service is busy").contains("more than 0.2 s")
            .contains("\"title\":\"Service unavailable\"");
        assertThat(meters.get("govshare.data.admission.refused").counter().count()).isEqualTo(2.0);
    }
}
