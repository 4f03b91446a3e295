package org.govshare.dataset.internal.quality;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the freshness sweep (harmless if another module turns it on too). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QualityScheduling {
}
