package org.govshare.catalog.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.DataItemDraft;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.platform.Violation;

/**
 * The resource editor's form as the browser sends it: plain text, rows indexed
 * {@code dataItems[0].name}. Bound by setters (not into {@link ResourceDraft} directly) so that a
 * refused save shows exactly what the user typed, even a length that is not a number, and the
 * catalog's own rules, not bean validation, judge the draft: one round shows every problem.
 */
class ResourceForm {

    private String classificationCode;
    private String name;
    private String summary;
    private String format;
    private String shareType;
    private String shareCondition;
    private String shareMode;
    private String openType;
    private String openCondition;
    private String updateCycle;
    private String releaseDate;
    private String relatedResourceCodes;
    private String legalBasis;
    private String keywords;
    private String providerId;
    private Long version;
    private List<ItemForm> dataItems = new ArrayList<>();

    /** A new resource starts with sensible defaults and one empty row. */
    static ResourceForm blank() {
        ResourceForm f = new ResourceForm();
        f.format = ResourceFormat.DATABASE.name();
        f.shareType = ShareType.UNCONDITIONAL.name();
        f.shareMode = ShareMode.PLATFORM.name();
        f.openType = OpenType.NOT_OPEN.name();
        f.updateCycle = UpdateCycle.MONTHLY.name();
        f.dataItems.add(new ItemForm());
        return f;
    }

    static ResourceForm of(ResourceView r) {
        ResourceForm f = new ResourceForm();
        f.classificationCode = r.classificationCode();
        f.name = r.name();
        f.summary = r.summary();
        f.format = name(r.format());
        f.shareType = name(r.shareType());
        f.shareCondition = r.shareCondition();
        f.shareMode = name(r.shareMode());
        f.openType = name(r.openType());
        f.openCondition = r.openCondition();
        f.updateCycle = name(r.updateCycle());
        f.releaseDate = r.releaseDate() == null ? null : r.releaseDate().toString();
        f.relatedResourceCodes = String.join(", ", r.relatedResourceCodes());
        f.legalBasis = r.legalBasis();
        f.keywords = r.keywords();
        f.providerId = r.providerId().toString();
        f.version = r.version();
        for (DataItemView i : r.dataItems()) {
            f.dataItems.add(ItemForm.of(i, r.shareType()));
        }
        return f;
    }

    /** Drops rows the user added but left empty, so they neither count nor shift row numbers later. */
    void dropBlankRows() {
        dataItems.removeIf(i -> i == null || i.isBlank());
    }

    /**
     * The draft, or the values that are not even of the right kind (the browser's own controls
     * prevent these, so they are rare) in {@code unreadable}.
     */
    ResourceDraft toDraft(List<Violation> unreadable) {
        List<DataItemDraft> items = new ArrayList<>();
        for (int i = 0; i < dataItems.size(); i++) {
            items.add(dataItems.get(i).toDraft("dataItems[" + i + "].", unreadable));
        }
        return new ResourceDraft(text(classificationCode), text(name), text(summary),
            value(ResourceFormat.class, format, "format", unreadable), value(ShareType.class, shareType, "shareType", unreadable),
            text(shareCondition), value(ShareMode.class, shareMode, "shareMode", unreadable),
            value(OpenType.class, openType, "openType", unreadable), text(openCondition),
            value(UpdateCycle.class, updateCycle, "updateCycle", unreadable), date(releaseDate, "releaseDate", unreadable),
            codes(relatedResourceCodes), text(legalBasis), text(keywords), items);
    }

    UUID provider(List<Violation> unreadable) {
        return uuid(providerId, "providerId", unreadable);
    }

    // ---- conversions

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Related resource codes as typed: separated by commas, 、, semicolons or white space. */
    static List<String> codes(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[,，、;；\\s]+")).map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
    }

    static <E extends Enum<E>> E value(Class<E> type, String s, String field, List<Violation> unreadable) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            unreadable.add(Violation.of(field, "invalid-value", field, s, Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static Integer number(String s, String field, List<Violation> unreadable) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            unreadable.add(Violation.of(field, "catalog-not-a-number", s));
            return null;
        }
    }

    static LocalDate date(String s, String field, List<Violation> unreadable) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            unreadable.add(Violation.of(field, "catalog-not-a-date", s));
            return null;
        }
    }

    static UUID uuid(String s, String field, List<Violation> unreadable) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            unreadable.add(Violation.of(field, "organization-unknown"));
            return null;
        }
    }

    // ---- bean properties for binding and the template

    public String getClassificationCode() {
        return classificationCode;
    }

    public void setClassificationCode(String classificationCode) {
        this.classificationCode = classificationCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getShareType() {
        return shareType;
    }

    public void setShareType(String shareType) {
        this.shareType = shareType;
    }

    public String getShareCondition() {
        return shareCondition;
    }

    public void setShareCondition(String shareCondition) {
        this.shareCondition = shareCondition;
    }

    public String getShareMode() {
        return shareMode;
    }

    public void setShareMode(String shareMode) {
        this.shareMode = shareMode;
    }

    public String getOpenType() {
        return openType;
    }

    public void setOpenType(String openType) {
        this.openType = openType;
    }

    public String getOpenCondition() {
        return openCondition;
    }

    public void setOpenCondition(String openCondition) {
        this.openCondition = openCondition;
    }

    public String getUpdateCycle() {
        return updateCycle;
    }

    public void setUpdateCycle(String updateCycle) {
        this.updateCycle = updateCycle;
    }

    public String getReleaseDate() {
        return releaseDate;
    }

    public void setReleaseDate(String releaseDate) {
        this.releaseDate = releaseDate;
    }

    public String getRelatedResourceCodes() {
        return relatedResourceCodes;
    }

    public void setRelatedResourceCodes(String relatedResourceCodes) {
        this.relatedResourceCodes = relatedResourceCodes;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }

    public String getProviderId() {
        return providerId;
    }

    public void setProviderId(String providerId) {
        this.providerId = providerId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<ItemForm> getDataItems() {
        return dataItems;
    }

    public void setDataItems(List<ItemForm> dataItems) {
        this.dataItems = dataItems;
    }

    /** One row of the data items table. */
    static class ItemForm {

        private String name;
        private String codeName;
        private String dataType;
        private String length;
        private String description;
        private String sensitivity;
        private String shareType;
        private String shareCondition;
        private String legalBasis;
        private String standardName;
        private String authoritativeSourceId;
        private boolean key;

        /** An item that only repeats its resource's share type shows as "as the resource" (inherit). */
        static ItemForm of(DataItemView i, ShareType resourceShareType) {
            ItemForm f = new ItemForm();
            f.name = i.name();
            f.codeName = i.codeName();
            f.dataType = name(i.dataType());
            f.length = i.length() == null ? null : i.length().toString();
            f.description = i.description();
            f.sensitivity = name(i.sensitivity());
            f.shareType = i.shareType() == resourceShareType ? null : name(i.shareType());
            f.shareCondition = i.shareCondition();
            f.legalBasis = i.legalBasis();
            // kept even when it equals the name: renaming an item must not silently move it to another standard name
            f.standardName = i.standardName();
            f.authoritativeSourceId = i.authoritativeSourceId() == null ? null : i.authoritativeSourceId().toString();
            f.key = i.key();
            return f;
        }

        boolean isBlank() {
            return text(name) == null && text(codeName) == null && text(dataType) == null && text(length) == null
                && text(description) == null && text(shareCondition) == null && text(legalBasis) == null
                && text(standardName) == null && text(authoritativeSourceId) == null && !key;
        }

        DataItemDraft toDraft(String at, List<Violation> unreadable) {
            return new DataItemDraft(text(name), text(codeName), value(DataType.class, dataType, at + "dataType", unreadable),
                number(length, at + "length", unreadable), text(description),
                value(Sensitivity.class, sensitivity, at + "sensitivity", unreadable),
                value(ShareType.class, shareType, at + "shareType", unreadable), text(shareCondition), text(legalBasis),
                text(standardName), uuid(authoritativeSourceId, at + "authoritativeSourceId", unreadable), key);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCodeName() {
            return codeName;
        }

        public void setCodeName(String codeName) {
            this.codeName = codeName;
        }

        public String getDataType() {
            return dataType;
        }

        public void setDataType(String dataType) {
            this.dataType = dataType;
        }

        public String getLength() {
            return length;
        }

        public void setLength(String length) {
            this.length = length;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getSensitivity() {
            return sensitivity;
        }

        public void setSensitivity(String sensitivity) {
            this.sensitivity = sensitivity;
        }

        public String getShareType() {
            return shareType;
        }

        public void setShareType(String shareType) {
            this.shareType = shareType;
        }

        public String getShareCondition() {
            return shareCondition;
        }

        public void setShareCondition(String shareCondition) {
            this.shareCondition = shareCondition;
        }

        public String getLegalBasis() {
            return legalBasis;
        }

        public void setLegalBasis(String legalBasis) {
            this.legalBasis = legalBasis;
        }

        public String getStandardName() {
            return standardName;
        }

        public void setStandardName(String standardName) {
            this.standardName = standardName;
        }

        public String getAuthoritativeSourceId() {
            return authoritativeSourceId;
        }

        public void setAuthoritativeSourceId(String authoritativeSourceId) {
            this.authoritativeSourceId = authoritativeSourceId;
        }

        public boolean isKey() {
            return key;
        }

        public void setKey(boolean key) {
            this.key = key;
        }
    }
}
