package org.govshare.catalog.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.CatalogListEvents.DutyChangeRecorded;
import org.govshare.catalog.CatalogListEvents.NegativeListChallenged;
import org.govshare.catalog.CatalogListEvents.ResponsibilitySettled;
import org.govshare.catalog.CatalogLists;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CatalogListsService implements CatalogLists {

    /** Resources whose items count for the lists: published (or being changed), not withdrawn. */
    private static final String LISTED = "r.published_version > 0 and r.status <> 'WITHDRAWN'";

    private final JdbcClient jdbc;
    private final CatalogAccess access;
    private final ApplicationEventPublisher events;
    private final int dutyChangeDays;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    CatalogListsService(JdbcClient jdbc, CatalogAccess access, ApplicationEventPublisher events,
                        @Value("${govshare.catalog.duty-change-days:15}") int dutyChangeDays,
                        @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.dutyChangeDays = dutyChangeDays;
        this.zone = ZoneId.of(zone);
    }

    // ---- responsibility list

    @Override
    @Transactional(readOnly = true)
    public List<Responsibility> responsibilities(boolean conflictsOnly) {
        CurrentActor.require();
        Map<String, List<Claim>> claims = new LinkedHashMap<>();
        jdbc.sql("select i.standard_name, i.authoritative_source_id, r.code, r.name, i.name from catalog_data_item i "
                + "join catalog_resource r on r.id = i.resource_id where i.authoritative_source_id is not null and "
                + LISTED + " order by i.standard_name, r.code")
            .query((rs, n) -> claims.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Claim(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5))))
            .list();
        Map<String, Object[]> settled = new LinkedHashMap<>();
        jdbc.sql("select standard_name, organization_id, note from catalog_responsibility")
            .query((rs, n) -> settled.put(rs.getString(1), new Object[]{rs.getObject(2, UUID.class), rs.getString(3)}))
            .list();
        settled.keySet().forEach(name -> claims.putIfAbsent(name, new ArrayList<>()));
        List<Responsibility> list = new ArrayList<>();
        claims.forEach((name, c) -> {
            Object[] s = settled.get(name);
            UUID owner = s == null ? null : (UUID) s[0];
            Set<UUID> claimants = new LinkedHashSet<>();
            c.forEach(claim -> claimants.add(claim.organizationId()));
            boolean conflict = owner == null ? claimants.size() > 1 : claimants.stream().anyMatch(o -> !o.equals(owner));
            if (!conflictsOnly || conflict) {
                list.add(new Responsibility(name, List.copyOf(c), owner, s == null ? null : (String) s[1], conflict));
            }
        });
        return list;
    }

    @Override
    public Responsibility settle(String standardName, UUID organizationId, String note) {
        Actor actor = authority();
        if (standardName == null || standardName.isBlank()) {
            throw ProblemException.invalid("standardName", "required", "standardName");
        }
        if (organizationId == null || !access.organizationExists(organizationId)) {
            throw ProblemException.invalid("organizationId", "organization-unknown");
        }
        jdbc.sql("""
                insert into catalog_responsibility (standard_name, organization_id, note, settled_by, settled_at)
                values (?, ?, ?, ?, ?) on conflict (standard_name) do update set organization_id = excluded.organization_id,
                note = excluded.note, settled_by = excluded.settled_by, settled_at = excluded.settled_at
                """)
            .params(standardName.trim(), organizationId, blank(note), actor.name(), Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(new ResponsibilitySettled(standardName.trim(), organizationId, actor, RequestIds.current()));
        return responsibilities(false).stream().filter(r -> r.standardName().equals(standardName.trim())).findFirst()
            .orElseThrow();
    }

    // ---- negative list

    @Override
    @Transactional(readOnly = true)
    public List<NegativeListEntry> negativeList() {
        CurrentActor.require();
        Map<UUID, List<NegativeChallenge>> challenges = new LinkedHashMap<>();
        jdbc.sql("select id, resource_id, item_code, reason, raised_by, raised_at, status, response, responded_by "
                + "from catalog_negative_challenge order by raised_at")
            .query((rs, n) -> challenges.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                .add(challenge(rs)))
            .list();
        List<NegativeListEntry> entries = new ArrayList<>();
        jdbc.sql("select r.id, r.code, r.name, r.provider_id, null, null, r.legal_basis from catalog_resource r "
                + "where r.share_type = 'NOT_SHARED' and " + LISTED
                + " union all select r.id, r.code, r.name, r.provider_id, i.code_name, i.name, coalesce(i.legal_basis, r.legal_basis) "
                + "from catalog_data_item i join catalog_resource r on r.id = i.resource_id "
                + "where i.share_type = 'NOT_SHARED' and r.share_type <> 'NOT_SHARED' and " + LISTED + " order by 2, 5")
            .query((rs, n) -> {
                UUID id = rs.getObject(1, UUID.class);
                String item = rs.getString(5);
                List<NegativeChallenge> mine = challenges.getOrDefault(id, List.of()).stream()
                    .filter(c -> Objects.equals(c.itemCode(), item)).toList();
                return entries.add(new NegativeListEntry(id, rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                    item, rs.getString(6), rs.getString(7), mine));
            })
            .list();
        return entries;
    }

    @Override
    public NegativeChallenge challenge(UUID resourceId, String itemCode, String reason) {
        Actor actor = authority();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "required", "reason");
        }
        boolean listed = negativeList().stream()
            .anyMatch(e -> e.resourceId().equals(resourceId) && Objects.equals(e.itemCode(), blank(itemCode)));
        if (!listed) {
            throw ProblemException.invalid(itemCode == null ? "resourceId" : "itemCode", "not-on-negative-list");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into catalog_negative_challenge (id, resource_id, item_code, reason, raised_by, raised_at, status)
                values (?, ?, ?, ?, ?, ?, 'OPEN')
                """).params(id, resourceId, blank(itemCode), reason.trim(), actor.name(), Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(new NegativeListChallenged(id, resourceId, providerOf(resourceId), "OPEN", actor,
            RequestIds.current()));
        return find(id);
    }

    @Override
    public NegativeChallenge respond(UUID challengeId, String response) {
        Actor actor = CurrentActor.require();
        NegativeChallenge c = find(challengeId);
        UUID provider = providerOf(c.resourceId());
        if (!access.canCatalogue(actor, provider)) {
            throw forbidden();
        }
        if (!"OPEN".equals(c.status())) {
            throw ProblemException.conflict("status", "challenge-closed", c.status());
        }
        if (response == null || response.isBlank()) {
            throw ProblemException.invalid("response", "required", "response");
        }
        jdbc.sql("update catalog_negative_challenge set response = ?, responded_by = ?, responded_at = ? where id = ?")
            .params(response.trim(), actor.name(), Timestamp.from(clock.instant()), challengeId).update();
        events.publishEvent(new NegativeListChallenged(challengeId, c.resourceId(), provider, "RESPONDED", actor,
            RequestIds.current()));
        return find(challengeId);
    }

    @Override
    public NegativeChallenge decide(UUID challengeId, boolean overturned) {
        Actor actor = authority();
        NegativeChallenge c = find(challengeId);
        if (!"OPEN".equals(c.status())) {
            throw ProblemException.conflict("status", "challenge-closed", c.status());
        }
        String status = overturned ? "OVERTURNED" : "UPHELD";
        jdbc.sql("update catalog_negative_challenge set status = ? where id = ?").params(status, challengeId).update();
        events.publishEvent(new NegativeListChallenged(challengeId, c.resourceId(), providerOf(c.resourceId()), status,
            actor, RequestIds.current()));
        return find(challengeId);
    }

    private NegativeChallenge find(UUID id) {
        return jdbc.sql("select id, resource_id, item_code, reason, raised_by, raised_at, status, response, responded_by "
                + "from catalog_negative_challenge where id = ?").param(id)
            .query((rs, n) -> challenge(rs)).optional()
            .orElseThrow(() -> ProblemException.notFound("challenge", id));
    }

    private static NegativeChallenge challenge(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new NegativeChallenge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
            rs.getString(9));
    }

    private UUID providerOf(UUID resourceId) {
        return jdbc.sql("select provider_id from catalog_resource where id = ?").param(resourceId).query(UUID.class)
            .optional().orElseThrow(() -> ProblemException.notFound("resource", resourceId));
    }

    // ---- duty changes

    @Override
    public DutyChange recordDutyChange(UUID organizationId, String description, LocalDate changedOn) {
        Actor actor = authority();
        if (organizationId == null || !access.organizationExists(organizationId)) {
            throw ProblemException.invalid("organizationId", "organization-unknown");
        }
        if (description == null || description.isBlank()) {
            throw ProblemException.invalid("description", "required", "description");
        }
        if (changedOn == null) {
            throw ProblemException.invalid("changedOn", "required", "changedOn");
        }
        if (changedOn.isAfter(today())) {
            throw ProblemException.invalid("changedOn", "date-in-future", changedOn);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into catalog_duty_change (id, organization_id, description, changed_on, due_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, organizationId, description.trim(), changedOn, changedOn.plusDays(dutyChangeDays),
                actor.name(), Timestamp.from(clock.instant()))
            .update();
        events.publishEvent(new DutyChangeRecorded(id, organizationId, actor, RequestIds.current()));
        return dutyChanges(organizationId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyChange> dutyChanges(UUID organizationId) {
        Actor actor = CurrentActor.require();
        boolean authority = access.isAuthority(actor);
        if (organizationId == null ? !authority : !(authority || actor.belongsTo(organizationId))) {
            throw forbidden();
        }
        LocalDate today = today();
        return jdbc.sql("""
                select d.id, d.organization_id, d.description, d.changed_on, d.due_on,
                  (select min(r.submitted_at) from catalog_resource r where r.provider_id = d.organization_id
                     and r.submitted_at >= d.changed_on)
                from catalog_duty_change d where (?::uuid is null or d.organization_id = ?::uuid)
                order by d.due_on
                """)
            .params(organizationId, organizationId)
            .query((rs, n) -> {
                Timestamp updated = rs.getTimestamp(6);
                LocalDate updatedOn = updated == null ? null : updated.toInstant().atZone(zone).toLocalDate();
                LocalDate due = rs.getObject(5, LocalDate.class);
                return new DutyChange(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getObject(4, LocalDate.class), due, updatedOn, updatedOn == null && today.isAfter(due));
            })
            .list();
    }

    private Actor authority() {
        Actor actor = CurrentActor.require();
        if (!access.canReview(actor)) {
            throw forbidden();
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

}
