package org.govshare.dataset.internal.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.PublishedResource;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.DatasetHealth;
import org.govshare.dataset.DatasetQuality;
import org.govshare.dataset.Freshness;
import org.govshare.dataset.Quality;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Quality and freshness of published resources. The core's overviews call {@link #quality(UUID)}
 * and {@link #freshness(ResourceView, Instant)} (or {@link #figures(ResourceView)}); assessment reads
 * {@link #health(UUID)} through the {@link DatasetQuality} API.
 */
@Service
public class DatasetHealthService implements DatasetQuality {

    private static final Quality UNMEASURED = new Quality(null, null, null, null);

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final Clock clock = Clock.systemUTC();

    DatasetHealthService(JdbcClient jdbc, CatalogManagement catalog, DirectoryManagement directory) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
    }

    /** The stored quality figures of a resource's records (all null until measured, or without records). */
    public Quality quality(UUID resourceId) {
        return jdbc.sql("select completeness, validity, uniqueness, measured_at from dataset where resource_id = ?")
            .param(resourceId).query((rs, n) -> quality(rs)).optional().orElse(UNMEASURED);
    }

    /** Freshness of a published resource whose newest applied load committed at {@code lastLoadedAt} (null: never). */
    public Freshness freshness(ResourceView published, Instant lastLoadedAt) {
        return FreshnessRule.of(published.updateCycle(), lastLoadedAt, published.releaseDate(), published.updatedAt(),
            clock.instant());
    }

    /** Quality and freshness of one published resource, read from its dataset row. */
    public DatasetHealth figures(ResourceView published) {
        Row row = jdbc.sql("""
                select resource_id, version, record_count, last_loaded_at, completeness, validity, uniqueness, measured_at
                  from dataset where resource_id = ?
                """).param(published.id()).query(DatasetHealthService::row).optional().orElse(null);
        return health(published, row);
    }

    @Override
    public List<DatasetHealth> health(UUID providerId) {
        Actor actor = CurrentActor.require();
        if (!isAuthority(actor) && (providerId == null || actor.isClient() || !actor.belongsTo(providerId))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        return healthOf(providerId);
    }

    /** Without an access check: for the sweep and other work the platform does on its own behalf. */
    List<DatasetHealth> healthOf(UUID providerId) {
        Map<UUID, Row> rows = new HashMap<>();
        String where = providerId == null ? "" : " where provider_id = ?";
        var spec = jdbc.sql("""
            select resource_id, version, record_count, last_loaded_at, completeness, validity, uniqueness, measured_at
              from dataset""" + where);
        if (providerId != null) {
            spec = spec.param(providerId);
        }
        spec.query(DatasetHealthService::row).list().forEach(r -> rows.put(r.resourceId(), r));
        List<DatasetHealth> out = new ArrayList<>();
        for (PublishedResource published : CurrentActor.runAs(CurrentActor.system(),
                () -> catalog.publishedResources(providerId, null))) {
            Row row = rows.get(published.id());
            Freshness freshness = FreshnessRule.of(published.updateCycle(), row == null ? null : row.lastLoadedAt(),
                published.releaseDate(), published.publishedAt(), clock.instant());
            out.add(new DatasetHealth(published.id(), published.code(), published.name(), published.providerId(),
                row == null ? 0 : row.version(), row == null ? 0 : row.recordCount(),
                row == null ? UNMEASURED : row.quality(), freshness));
        }
        out.sort(Comparator.comparing(DatasetHealth::resourceCode));
        return out;
    }

    private DatasetHealth health(ResourceView published, Row row) {
        Freshness freshness = freshness(published, row == null ? null : row.lastLoadedAt());
        return new DatasetHealth(published.id(), published.code(), published.name(), published.providerId(),
            row == null ? 0 : row.version(), row == null ? 0 : row.recordCount(), row == null ? UNMEASURED : row.quality(),
            freshness);
    }

    private boolean isAuthority(Actor actor) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return !actor.isClient() && actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("resource_id", UUID.class), rs.getInt("version"), rs.getLong("record_count"),
            instant(rs.getTimestamp("last_loaded_at")), quality(rs));
    }

    private static Quality quality(ResultSet rs) throws SQLException {
        return new Quality(number(rs, "completeness"), number(rs, "validity"), number(rs, "uniqueness"),
            instant(rs.getTimestamp("measured_at")));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private record Row(UUID resourceId, int version, long recordCount, Instant lastLoadedAt, Quality quality) {
    }
}
