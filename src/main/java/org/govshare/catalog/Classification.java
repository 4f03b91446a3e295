package org.govshare.catalog;

/** A node of the classification tree (类/项/目/细目). */
public record Classification(String code, String parentCode, int level, String name, String nameEn,
                             ResourceType resourceType) {
}
