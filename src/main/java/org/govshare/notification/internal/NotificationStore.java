package org.govshare.notification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.govshare.notification.DeliveryStatus;
import org.govshare.notification.DeliveryView;
import org.govshare.notification.WebhookView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of the {@code notification_*} tables, read and written with plain SQL. */
@Component
class NotificationStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Timestamp NEVER = Timestamp.from(Instant.parse("1970-01-01T00:00:00Z"));

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored notice. */
    record NoticeRow(UUID id, UUID organizationId, Set<String> roles, String kind, String messageKey, List<Object> args,
                     String link, String subjectType, String subjectId, Map<String, Object> data, Instant createdAt,
                     boolean read) {
    }

    record WebhookRow(UUID id, UUID organizationId, String url, String description, List<String> kinds,
                      boolean enabled, String secretSealed, Instant secretRotatedAt, String createdBy,
                      Instant createdAt, long pending, long delivered, long failed) {

        WebhookView view() {
            return new WebhookView(id, organizationId, url, description, kinds, enabled, secretRotatedAt, createdBy,
                createdAt, pending, delivered, failed);
        }
    }

    /** A claimed delivery with what sending it needs. */
    record ClaimedDelivery(UUID id, int attempts, UUID webhookId, String url, String secretSealed, NoticeRow notice) {
    }

    /** A claimed e-mail with what sending it needs. */
    record ClaimedMail(UUID id, int attempts, String recipient, NoticeRow notice) {
    }

    // ---- notices

    void insertNotice(UUID id, UUID organizationId, Collection<String> roles, String kind, String messageKey,
                      List<Object> args, String link, String subjectType, String subjectId, Map<String, Object> data,
                      Instant now) {
        jdbc.sql("""
                insert into notification_notice (id, organization_id, roles, kind, message_key, args, link, subject_type,
                    subject_id, data, created_at)
                values (?, ?, ?::text[], ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?)""")
            .params(id, organizationId, roles.toArray(String[]::new), kind, messageKey, JSON.writeValueAsString(args),
                link, subjectType, subjectId, JSON.writeValueAsString(data), ts(now))
            .update();
    }

    private static final String VISIBLE = """
            n.organization_id = :org and (cardinality(n.roles) = 0 or n.roles && :roles::text[])""";
    private static final String READ = """
            (n.created_at <= coalesce((select read_all_upto from notification_reader where user_id = :user), :never)
             or exists (select 1 from notification_read r where r.user_id = :user and r.notice_id = n.id))""";

    List<NoticeRow> inbox(UUID user, UUID org, Set<String> roles, boolean unreadOnly, int limit, long offset) {
        return jdbc.sql("select n.*, " + READ + " as is_read from notification_notice n where " + VISIBLE
                + (unreadOnly ? " and not " + READ : "") + " order by n.created_at desc, n.id limit :limit offset :offset")
            .param("user", user).param("org", org).param("roles", roles.toArray(String[]::new)).param("never", NEVER)
            .param("limit", limit).param("offset", offset)
            .query(NotificationStore::noticeRow).list();
    }

    long count(UUID user, UUID org, Set<String> roles, boolean unreadOnly) {
        return jdbc.sql("select count(*) from notification_notice n where " + VISIBLE
                + (unreadOnly ? " and not " + READ : ""))
            .param("user", user).param("org", org).param("roles", roles.toArray(String[]::new)).param("never", NEVER)
            .query(Long.class).single();
    }

    Optional<NoticeRow> visibleNotice(UUID id, UUID user, UUID org, Set<String> roles) {
        return jdbc.sql("select n.*, " + READ + " as is_read from notification_notice n where n.id = :id and " + VISIBLE)
            .param("id", id).param("user", user).param("org", org).param("roles", roles.toArray(String[]::new))
            .param("never", NEVER).query(NotificationStore::noticeRow).optional();
    }

    void markRead(UUID user, UUID noticeId, Instant now) {
        jdbc.sql("insert into notification_read (user_id, notice_id, read_at) values (?, ?, ?) on conflict do nothing")
            .params(user, noticeId, ts(now)).update();
    }

    /**
     * Everything the person can see up to their newest visible notice counts as read: the read-all
     * mark moves there, and the single marks it covers are dropped.
     */
    void markAllRead(UUID user, UUID org, Set<String> roles) {
        Timestamp upto = jdbc.sql("select max(n.created_at) from notification_notice n where " + VISIBLE)
            .param("org", org).param("roles", roles.toArray(String[]::new)).query(Timestamp.class).optional().orElse(null);
        if (upto == null) {
            return;
        }
        jdbc.sql("""
                insert into notification_reader (user_id, read_all_upto) values (?, ?)
                on conflict (user_id) do update set read_all_upto = greatest(notification_reader.read_all_upto,
                    excluded.read_all_upto)""").params(user, upto).update();
        jdbc.sql("""
                delete from notification_read r using notification_notice n
                where r.user_id = ? and r.notice_id = n.id and n.created_at <= ?""").params(user, upto).update();
    }

    // ---- outbox rows

    void insertMail(UUID noticeId, UUID userId, String recipient, Instant now) {
        jdbc.sql("""
                insert into notification_mail (id, notice_id, user_id, recipient, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?)""")
            .params(UUID.randomUUID(), noticeId, userId, recipient, ts(now), ts(now)).update();
    }

    /** One PENDING delivery per enabled endpoint of the organization that wants this kind; returns how many. */
    int insertDeliveries(UUID noticeId, UUID organizationId, String kind, Instant now) {
        return jdbc.sql("""
                insert into notification_delivery (id, webhook_id, notice_id, status, next_attempt_at, created_at)
                select gen_random_uuid(), w.id, ?, 'PENDING', ?, ? from notification_webhook w
                where w.organization_id = ? and w.enabled and (cardinality(w.kinds) = 0 or ? = any (w.kinds))""")
            .params(noticeId, ts(now), ts(now), organizationId, kind).update();
    }

    // ---- webhooks

    private static final String WEBHOOK_COLUMNS = """
            w.*,
            (select count(*) from notification_delivery d where d.webhook_id = w.id and d.status = 'PENDING') as pending,
            (select count(*) from notification_delivery d where d.webhook_id = w.id and d.status = 'DELIVERED') as delivered,
            (select count(*) from notification_delivery d where d.webhook_id = w.id and d.status = 'FAILED') as failed""";

    void insertWebhook(UUID id, UUID organizationId, String url, String description, List<String> kinds,
                       String secretSealed, String createdBy, Instant now) {
        jdbc.sql("""
                insert into notification_webhook (id, organization_id, url, description, kinds, enabled, secret_sealed,
                    secret_rotated_at, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?::text[], true, ?, ?, ?, ?, ?)""")
            .params(id, organizationId, url, description, kinds.toArray(String[]::new), secretSealed, ts(now),
                createdBy, ts(now), ts(now)).update();
    }

    Optional<WebhookRow> webhook(UUID id) {
        return jdbc.sql("select " + WEBHOOK_COLUMNS + " from notification_webhook w where w.id = ?").param(id)
            .query(NotificationStore::webhookRow).optional();
    }

    List<WebhookRow> webhooks(UUID organizationId) {
        return jdbc.sql("select " + WEBHOOK_COLUMNS + " from notification_webhook w where w.organization_id = ? "
                + "order by w.created_at, w.id").param(organizationId).query(NotificationStore::webhookRow).list();
    }

    void setEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql("update notification_webhook set enabled = ?, updated_at = ? where id = ?").params(enabled, ts(now), id)
            .update();
    }

    void setSecret(UUID id, String sealed, Instant now) {
        jdbc.sql("update notification_webhook set secret_sealed = ?, secret_rotated_at = ?, updated_at = ? where id = ?")
            .params(sealed, ts(now), ts(now), id).update();
    }

    void deleteWebhook(UUID id) {
        jdbc.sql("delete from notification_webhook where id = ?").param(id).update();
    }

    // ---- deliveries

    private static final String DELIVERY_COLUMNS = "d.*, n.kind";

    List<DeliveryView> deliveries(UUID webhookId, DeliveryStatus status, int limit, long offset) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from notification_delivery d join notification_notice n on "
                + "n.id = d.notice_id where d.webhook_id = :w" + (status == null ? "" : " and d.status = :s")
                + " order by d.created_at desc, d.id limit :limit offset :offset")
            .param("w", webhookId).param("s", status == null ? null : status.name()).param("limit", limit)
            .param("offset", offset).query(NotificationStore::deliveryView).list();
    }

    long countDeliveries(UUID webhookId, DeliveryStatus status) {
        return jdbc.sql("select count(*) from notification_delivery d where d.webhook_id = :w"
                + (status == null ? "" : " and d.status = :s"))
            .param("w", webhookId).param("s", status == null ? null : status.name()).query(Long.class).single();
    }

    Optional<DeliveryView> delivery(UUID id) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from notification_delivery d join notification_notice n on "
                + "n.id = d.notice_id where d.id = ?").param(id).query(NotificationStore::deliveryView).optional();
    }

    /** Queues a delivery again from the start, unless a sender holds it now; false then. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.sql("""
                update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, delivered_at = null
                where id = ? and (claimed_until is null or claimed_until < ?)""")
            .params(ts(now), id, ts(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints for {@code node} until {@code until};
     * rows other nodes are claiming right now are skipped, never waited for or taken twice.
     */
    List<ClaimedDelivery> claimDeliveries(String node, Instant now, Instant until, int limit) {
        List<UUID> ids = jdbc.sql("""
                update notification_delivery set claimed_by = ?, claimed_until = ?
                where id in (
                    select d.id from notification_delivery d
                    where d.status = 'PENDING' and d.next_attempt_at <= ? and (d.claimed_until is null or d.claimed_until < ?)
                      and exists (select 1 from notification_webhook w where w.id = d.webhook_id and w.enabled)
                    order by d.next_attempt_at limit ? for update of d skip locked)
                returning id""")
            .params(node, ts(until), ts(now), ts(now), limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id as delivery_id, d.attempts, w.id as webhook_id, w.url, w.secret_sealed, false as is_read, n.*
                from notification_delivery d join notification_webhook w on w.id = d.webhook_id
                join notification_notice n on n.id = d.notice_id where d.id = any (?::uuid[])""")
            .param(ids.stream().map(UUID::toString).toArray(String[]::new))
            .query((rs, i) -> new ClaimedDelivery(rs.getObject("delivery_id", UUID.class), rs.getInt("attempts"),
                rs.getObject("webhook_id", UUID.class), rs.getString("url"), rs.getString("secret_sealed"),
                noticeRow(rs, i)))
            .list();
    }

    /** Records one attempt of a delivery this node holds; a claim that was lost meanwhile changes nothing. */
    void finishDelivery(UUID id, String node, DeliveryStatus status, Integer httpStatus, String error,
                        Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                update notification_delivery set status = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                    last_attempt_at = ?, next_attempt_at = ?, delivered_at = ?, claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ?""")
            .params(status.name(), httpStatus, clip(error), ts(now), ts(nextAttemptAt),
                status == DeliveryStatus.DELIVERED ? ts(now) : null, id, node).update();
    }

    List<ClaimedMail> claimMails(String node, Instant now, Instant until, int limit) {
        List<UUID> ids = jdbc.sql("""
                update notification_mail set claimed_by = ?, claimed_until = ?
                where id in (
                    select id from notification_mail
                    where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                    order by next_attempt_at limit ? for update skip locked)
                returning id""")
            .params(node, ts(until), ts(now), ts(now), limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select m.id as mail_id, m.attempts, m.recipient, false as is_read, n.*
                from notification_mail m join notification_notice n on n.id = m.notice_id where m.id = any (?::uuid[])""")
            .param(ids.stream().map(UUID::toString).toArray(String[]::new))
            .query((rs, i) -> new ClaimedMail(rs.getObject("mail_id", UUID.class), rs.getInt("attempts"),
                rs.getString("recipient"), noticeRow(rs, i)))
            .list();
    }

    void finishMail(UUID id, String node, DeliveryStatus status, String error, Instant nextAttemptAt, Instant now) {
        String s = status == DeliveryStatus.DELIVERED ? "SENT" : status.name();
        jdbc.sql("""
                update notification_mail set status = ?, attempts = attempts + 1, last_error = ?, last_attempt_at = ?,
                    next_attempt_at = ?, sent_at = ?, claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ?""")
            .params(s, clip(error), ts(now), ts(nextAttemptAt), "SENT".equals(s) ? ts(now) : null, id, node).update();
    }

    // ---- mapping

    private static NoticeRow noticeRow(ResultSet rs, int n) throws SQLException {
        return new NoticeRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
            Set.of(strings(rs.getArray("roles"))), rs.getString("kind"), rs.getString("message_key"),
            JSON.readValue(rs.getString("args"), new TypeReference<List<Object>>() { }), rs.getString("link"),
            rs.getString("subject_type"), rs.getString("subject_id"),
            JSON.readValue(rs.getString("data"), new TypeReference<Map<String, Object>>() { }),
            instant(rs, "created_at"), rs.getBoolean("is_read"));
    }

    private static WebhookRow webhookRow(ResultSet rs, int n) throws SQLException {
        return new WebhookRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
            rs.getString("url"), rs.getString("description"), Arrays.asList(strings(rs.getArray("kinds"))),
            rs.getBoolean("enabled"), rs.getString("secret_sealed"), instant(rs, "secret_rotated_at"),
            rs.getString("created_by"), instant(rs, "created_at"), rs.getLong("pending"), rs.getLong("delivered"),
            rs.getLong("failed"));
    }

    private static DeliveryView deliveryView(ResultSet rs, int n) throws SQLException {
        int lastStatus = rs.getInt("last_status");
        Integer last = rs.wasNull() ? null : lastStatus;
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
            rs.getObject("notice_id", UUID.class), rs.getString("kind"), DeliveryStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), last, rs.getString("last_error"),
            instant(rs, "last_attempt_at"), "PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
            instant(rs, "delivered_at"), instant(rs, "created_at"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
