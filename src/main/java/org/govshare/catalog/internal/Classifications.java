package org.govshare.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.govshare.catalog.Classification;
import org.govshare.catalog.ResourceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The classification tree, small and read-mostly: loaded once, codes handed out per node. */
@Component
class Classifications {

    private final JdbcClient jdbc;
    private volatile Map<String, Classification> byCode;

    Classifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Classification> all() {
        return List.copyOf(tree().values());
    }

    Optional<Classification> find(String code) {
        return Optional.ofNullable(code == null ? null : tree().get(code.trim()));
    }

    /** The next resource code under a classification: "<classification>/<6-digit sequence>". */
    String nextCode(String classificationCode) {
        int next = jdbc.sql("""
                insert into catalog_code_sequence (classification_code, last_value) values (?, 1)
                on conflict (classification_code) do update set last_value = catalog_code_sequence.last_value + 1
                returning last_value
                """).param(classificationCode).query(Integer.class).single();
        return classificationCode + "/" + String.format("%06d", next);
    }

    private Map<String, Classification> tree() {
        Map<String, Classification> t = byCode;
        if (t == null) {
            t = jdbc.sql("select code, parent_code, level, name, name_en, resource_type from catalog_classification order by code")
                .query((rs, i) -> new Classification(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5), ResourceType.valueOf(rs.getString(6))))
                .list().stream()
                .collect(Collectors.toMap(Classification::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
            byCode = t;
        }
        return t;
    }
}
