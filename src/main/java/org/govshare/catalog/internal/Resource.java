package org.govshare.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.govshare.platform.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The working copy of an information resource and its place in the lifecycle. Every transition
 * is a method that refuses when the resource is not in a state that allows it.
 */
@Table("catalog_resource")
class Resource {

    @Id
    private UUID id;
    @Version
    private Long version;
    private String code;
    private String classificationCode;
    private UUID providerId;
    private String name;
    private String summary;
    private ResourceFormat format;
    private ShareType shareType;
    private String shareCondition;
    private ShareMode shareMode;
    private OpenType openType;
    private String openCondition;
    private UpdateCycle updateCycle;
    private LocalDate releaseDate;
    private String relatedCodes;
    private String legalBasis;
    private String keywords;
    private ResourceStatus status;
    private int publishedVersion;
    private String reviewComment;
    private String reviewedBy;
    private Instant reviewedAt;
    private Instant submittedAt;
    private String withdrawnReason;
    private Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "resource_id", keyColumn = "position")
    private List<DataItem> items = new ArrayList<>();

    Resource() {
    }

    static Resource register(String code, UUID providerId, ResourceDraft draft, Instant now) {
        Resource r = new Resource();
        r.id = UUID.randomUUID();
        r.code = code;
        r.providerId = providerId;
        r.status = ResourceStatus.DRAFT;
        r.createdAt = now;
        r.apply(draft, now);
        return r;
    }

    void apply(ResourceDraft d, Instant now) {
        classificationCode = d.classificationCode().trim();
        name = d.name().trim();
        summary = DataItem.blank(d.summary());
        format = d.format();
        shareType = d.shareType();
        shareCondition = DataItem.blank(d.shareCondition());
        shareMode = d.shareMode() == null ? ShareMode.PLATFORM : d.shareMode();
        openType = d.openType();
        openCondition = DataItem.blank(d.openCondition());
        updateCycle = d.updateCycle();
        releaseDate = d.releaseDate();
        relatedCodes = d.relatedResourceCodes().isEmpty() ? null : String.join(",", d.relatedResourceCodes());
        legalBasis = DataItem.blank(d.legalBasis());
        keywords = DataItem.blank(d.keywords());
        items = new ArrayList<>(d.dataItems().stream().map(i -> DataItem.of(i, d.shareType())).toList());
        updatedAt = now;
    }

    void edit(ResourceDraft draft, String newCode, Instant now) {
        require(status.editable(), "not-editable");
        if (publishedVersion > 0 && !draft.classificationCode().trim().equals(classificationCode)) {
            throw ProblemException.invalid("classificationCode", "classification-fixed", code);
        }
        code = newCode;
        apply(draft, now);
    }

    void submit(Instant now) {
        require(status.editable(), "not-submittable");
        status = status == ResourceStatus.DRAFT ? ResourceStatus.SUBMITTED : ResourceStatus.CHANGE_SUBMITTED;
        submittedAt = now;
    }

    /** Approves the submitted state as the next published version; returns its number. */
    int approve(String reviewer, String comment, Instant now, LocalDate today) {
        require(status.awaitingReview(), "not-awaiting-review");
        publishedVersion++;
        status = ResourceStatus.PUBLISHED;
        if (releaseDate == null) {
            releaseDate = today;
        }
        review(reviewer, comment, now);
        return publishedVersion;
    }

    void returnForRevision(String reviewer, String comment, Instant now) {
        require(status.awaitingReview(), "not-awaiting-review");
        if (comment == null || comment.isBlank()) {
            throw ProblemException.invalid("comment", "review-comment-required");
        }
        status = status == ResourceStatus.SUBMITTED ? ResourceStatus.DRAFT : ResourceStatus.CHANGE_DRAFT;
        review(reviewer, comment, now);
    }

    void startChange(Instant now) {
        require(status == ResourceStatus.PUBLISHED, "not-published");
        status = ResourceStatus.CHANGE_DRAFT;
        reviewComment = null;
        updatedAt = now;
    }

    /** Restores the working copy from the newest published version. */
    void discardChange(ResourceView published, Instant now) {
        require(status == ResourceStatus.CHANGE_DRAFT || status == ResourceStatus.CHANGE_SUBMITTED, "no-change");
        apply(new ResourceDraft(published.classificationCode(), published.name(), published.summary(),
            published.format(), published.shareType(), published.shareCondition(), published.shareMode(),
            published.openType(), published.openCondition(), published.updateCycle(), published.releaseDate(),
            published.relatedResourceCodes(), published.legalBasis(), published.keywords(),
            published.dataItems().stream().map(i -> new org.govshare.catalog.DataItemDraft(i.name(), i.codeName(),
                i.dataType(), i.length(), i.description(), i.sensitivity(), i.shareType(), i.shareCondition(),
                i.legalBasis(), i.standardName(), i.authoritativeSourceId(), i.key())).toList()), now);
        status = ResourceStatus.PUBLISHED;
    }

    void withdraw(String reason, Instant now) {
        require(status != ResourceStatus.WITHDRAWN, "already-withdrawn");
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "withdraw-reason-required");
        }
        status = ResourceStatus.WITHDRAWN;
        withdrawnReason = reason.trim();
        updatedAt = now;
    }

    private void review(String reviewer, String comment, Instant now) {
        reviewedBy = reviewer;
        reviewedAt = now;
        reviewComment = DataItem.blank(comment);
        updatedAt = now;
    }

    private void require(boolean allowed, String code) {
        if (!allowed) {
            throw ProblemException.conflict("status", code, status);
        }
    }

    ResourceView view() {
        return new ResourceView(id, code, classificationCode, providerId, name, summary, format, shareType,
            shareCondition, shareMode, openType, openCondition, updateCycle, releaseDate, relatedCodes(), legalBasis,
            keywords, items.stream().map(DataItem::view).toList(), status, publishedVersion, reviewComment,
            withdrawnReason, version == null ? 0 : version, updatedAt);
    }

    ResourceSummary summary() {
        return new ResourceSummary(id, code, name, providerId, classificationCode, shareType, openType, status,
            publishedVersion, items.size(), updatedAt);
    }

    List<String> relatedCodes() {
        return relatedCodes == null ? List.of() : Arrays.asList(relatedCodes.split(","));
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    UUID providerId() {
        return providerId;
    }

    String classificationCode() {
        return classificationCode;
    }

    ResourceStatus status() {
        return status;
    }

    int publishedVersion() {
        return publishedVersion;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
