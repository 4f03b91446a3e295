package org.govshare.catalog;

/** 共享方式: through the platform (interface, subscription, file), by e-mail, or on physical media. */
public enum ShareMode {
    PLATFORM, EMAIL, MEDIA
}
